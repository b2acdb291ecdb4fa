package io.atomcover.ilpselect.api;

/** The learning curve of one ranking could not be computed; the message says why. */
public final class CurveFailure extends RuntimeException {
    private final int ranking;

    public CurveFailure(int ranking, String message, Throwable cause) {
        super(message, cause);
        this.ranking = ranking;
    }

    /** Which of the rankings given, 0-based. */
    public int ranking() {
        return ranking;
    }
}
