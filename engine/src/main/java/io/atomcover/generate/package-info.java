/**
 * Generation of new structures by Monte Carlo (docs/methods.md, "Generating structures"), after
 * upstream QUESTS's {@code mcmc} and {@code active_learning}: {@link io.atomcover.generate.MonteCarlo}
 * displaces the atoms of a structure at random and accepts moves by the Metropolis rule on a score,
 * the mean distance of its environments' dH from a target against a reference set
 * ({@link io.atomcover.generate.NoveltyScore}), under an annealed temperature
 * ({@link io.atomcover.generate.McmcParameters}); {@link io.atomcover.generate.ActiveLearning} runs
 * generations of such chains, each generation's structures joining the reference of the next.
 */
package io.atomcover.generate;
