package org.homeward.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit's contract, with submissions that are words and work that upper-cases them: grouped while a writer is
 * busy, each caller answered with its own result, a failing submission failing alone, nothing queued lost at close.
 * (Stored for real, with observations in PostgreSQL: {@code GroupCommitIngestIT}.)
 */
class GroupCommitTests {

    /** Every group the work was given, in order. */
    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    /** Transactions begun (each group, and each retry alone, runs in one). */
    private final AtomicInteger transactions = new AtomicInteger();
    private final TransactionOperations counting = new TransactionOperations() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            transactions.incrementAndGet();
            return action.doInTransaction(null);
        }
    };
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private GroupCommit<String, String> commit;
    private final CountDownLatch firstGroupStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstGroup = new CountDownLatch(1);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (commit != null) {
            commit.close();
        }
    }

    private GroupCommit<String, String> groupCommit(int writers, int maxWeight, Function<List<String>, List<String>> work) {
        commit = new GroupCommit<>("test", writers, maxWeight, String::length, counting, group -> {
            groups.add(List.copyOf(group));
            return work.apply(group);
        });
        return commit;
    }

    /** One writer, held inside the group holding {@code firstWord} until the test releases it: meanwhile others queue. */
    private GroupCommit<String, String> oneWriterHeldBy(String firstWord, int maxWeight,
            Function<List<String>, List<String>> work) {
        return groupCommit(1, maxWeight, group -> {
            if (group.contains(firstWord)) {
                firstGroupStarted.countDown();
                hold(releaseFirstGroup);
            }
            return work.apply(group);
        });
    }

    /** Submits the word that holds the writer, and returns once the writer is inside its group. */
    private Future<String> submitAndHoldTheWriter(String firstWord) throws InterruptedException {
        Future<String> first = callers.submit(() -> commit.submit(firstWord));
        assertThat(firstGroupStarted.await(30, TimeUnit.SECONDS)).as("the writer took the first group").isTrue();
        return first;
    }

    /** Submits a word while the writer is held, and returns once it is queued (so queue order is submission order). */
    private Future<String> submitQueued(String word) {
        int before = commit.queued();
        Future<String> answer = callers.submit(() -> commit.submit(word));
        await().atMost(30, TimeUnit.SECONDS).until(() -> commit.queued() == before + 1);
        return answer;
    }

    private static List<String> upperCase(List<String> group) {
        return group.stream().map(String::toUpperCase).toList();
    }

    @Test
    void aSubmissionAloneIsStoredAtOnceInItsOwnTransaction() {
        GroupCommit<String, String> commit = groupCommit(2, 100, GroupCommitTests::upperCase);

        assertThat(commit.submit("abc")).isEqualTo("ABC");
        assertThat(groups).containsExactly(List.of("abc"));
        assertThat(transactions).hasValue(1);
    }

    @Test
    void submissionsQueuedWhileTheWriterIsBusyAreStoredTogetherEachAnsweredWithItsOwnResult() throws Exception {
        oneWriterHeldBy("first", 100, GroupCommitTests::upperCase);
        Future<String> first = submitAndHoldTheWriter("first");
        List<Future<String>> queued = new ArrayList<>();
        for (String word : List.of("b", "c", "d")) {
            queued.add(submitQueued(word));
        }
        releaseFirstGroup.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        List<String> answers = new ArrayList<>();
        for (Future<String> answer : queued) {
            answers.add(answer.get(30, TimeUnit.SECONDS));
        }
        assertThat(answers).containsExactly("B", "C", "D");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).as("the three queued while the first was stored: one group")
                .containsExactlyInAnyOrder("b", "c", "d");
        assertThat(transactions).hasValue(2);
    }

    @Test
    void aGroupNeverWeighsMoreThanTheLimit() throws Exception {
        oneWriterHeldBy("x", 5, GroupCommitTests::upperCase);
        Future<String> first = submitAndHoldTheWriter("x");
        List<Future<String>> queued = new ArrayList<>();
        // weights 3, 3 and 2: the first two cannot share a group of at most 5
        for (String word : List.of("aaa", "bbb", "cc")) {
            queued.add(submitQueued(word));
        }
        releaseFirstGroup.countDown();
        for (Future<String> answer : queued) {
            answer.get(30, TimeUnit.SECONDS);
        }
        first.get(30, TimeUnit.SECONDS);

        assertThat(groups).containsExactly(List.of("x"), List.of("aaa"), List.of("bbb", "cc"));
        assertThat(groups).allSatisfy(group -> assertThat(group.stream().mapToInt(String::length).sum())
                .isLessThanOrEqualTo(5));
    }

    @Test
    void aHeavierSubmissionThanTheLimitIsAGroupOfItsOwn() {
        GroupCommit<String, String> commit = groupCommit(1, 2, GroupCommitTests::upperCase);

        assertThat(commit.submit("heavy")).isEqualTo("HEAVY");
        assertThat(groups).containsExactly(List.of("heavy"));
    }

    @Test
    void whenAGroupFailsEachIsTriedAloneAndOnlyTheFailingOneFails() throws Exception {
        oneWriterHeldBy("first", 100, group -> {
            if (group.contains("bad")) {
                throw new InvalidInputException("word", "bad is not a word this work takes");
            }
            return upperCase(group);
        });
        Future<String> first = submitAndHoldTheWriter("first");
        Future<String> good = submitQueued("good");
        Future<String> bad = submitQueued("bad");
        Future<String> fine = submitQueued("fine");
        releaseFirstGroup.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo("GOOD");
        assertThat(fine.get(30, TimeUnit.SECONDS)).isEqualTo("FINE");
        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidInputException.class)
                .cause().hasMessageContaining("bad is not a word this work takes");
        assertThat(groups).containsExactly(List.of("first"), List.of("good", "bad", "fine"), List.of("good"),
                List.of("bad"), List.of("fine"));
        assertThat(transactions).as("first, the failed group, then each alone").hasValue(5);
    }

    @Test
    void theCallersOwnExceptionReachesItUnwrapped() {
        GroupCommit<String, String> commit = groupCommit(1, 100, group -> {
            throw new RefusedException("refused: " + group.get(0));
        });

        assertThatThrownBy(() -> commit.submit("this")).isInstanceOf(RefusedException.class)
                .hasMessage("refused: this");
    }

    @Test
    void insideACallersTransactionTheSubmissionJoinsItOnTheCallersThread() {
        GroupCommit<String, String> commit = groupCommit(1, 100, group -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            return List.of(Thread.currentThread().getName());
        });
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(commit.submit("here")).isEqualTo(Thread.currentThread().getName());
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(transactions).as("no transaction of its own").hasValue(0);
    }

    @Test
    void closingWritesWhatIsQueuedThenRefusesMore() throws Exception {
        oneWriterHeldBy("first", 100, GroupCommitTests::upperCase);
        Future<String> first = submitAndHoldTheWriter("first");
        Future<String> queued = submitQueued("queued");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(commit::close);
        await().atMost(30, TimeUnit.SECONDS).until(commit::isClosed);
        releaseFirstGroup.countDown();
        closing.get(30, TimeUnit.SECONDS);

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThat(queued.get(30, TimeUnit.SECONDS)).as("queued before the close: still written").isEqualTo("QUEUED");
        assertThatThrownBy(() -> commit.submit("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopping; nothing was stored");
        assertThat(groups).doesNotContain(List.of("late"));
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the group");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
