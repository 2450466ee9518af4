/**
 * Board round: the consultant-led daily review of every patient on a ward or the whole service (KLoE 5.1, 10.1;
 * SAFER: a senior review every day, an expected discharge date; Red2Green: each patient's day is red or green and a
 * red day gets an action). The board lists each admitted patient the user may see, ordered by acuity, with day of stay
 * against the estimated discharge date, today's red or green day, the latest NEWS2 or PEWS and its trend, the open
 * alert, the last and next visit, and the facts other modules will supply through {@link
 * org.homeward.boardround.BoardRoundFacts} (acuity, criteria to reside, ReSPECT / DNACPR, outstanding tasks and
 * results, the medicines reconciliation). A round records who attended, led by a senior decision-maker; each review records the day's colour and a
 * decision, revises the estimated discharge date through the referral module, and publishes each agreed action as
 * {@link org.homeward.boardround.BoardRoundActionAgreed} for the task module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"careplan", "diagnostics", "escalation",
        "medication", "observation", "patient",
        "referral", "scoring", "security", "task", "visit", "ward"})
package org.homeward.boardround;
