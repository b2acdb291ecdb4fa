package io.atomcover.ilpselect.api;

/**
 * A ranking to learn from.
 *
 * @param name    how its curve is named
 * @param indices database indices, best first
 */
public record NamedRanking(String name, int[] indices) {
}
