package io.atomcover.api;

/**
 * Where the facade reports its progress: each long step (descriptors, structure entropies, a
 * selection, the metrics, …) is a {@link Phase} with a task name and the unit it counts, so that a
 * front end can draw one progress bar per step.
 */
@FunctionalInterface
public interface Phases {
    /** Ignores every phase. */
    Phases NONE = (task, unit) -> Phase.NONE;

    /**
     * Starts a phase.
     *
     * @param task what runs, for example "structure entropies", "msc" or "fps metrics"
     * @param unit what the phase counts, with a leading blank: " structures", " picks", " environments"
     */
    Phase start(String task, String unit);
}
