package org.homeward;

import java.time.Clock;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link PageWords} available to every template as {@code #show}: {@code ${#show.dateTime(alert.raisedAt)}}. */
@Component
class PageWordsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final PageWords words;

    PageWordsDialect(Clock clock, MessageSource messages) {
        super("homeward-words");
        this.words = new PageWords(clock, messages);
    }

    PageWords words() {
        return words;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("show");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return words;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
