/**
 * Target-tailored training-set selection (ILPSelect): the ranking step of the second product on the
 * same flow, file → molecules → FCHL19 descriptors → ranking → learning curves → report.
 *
 * <p>A {@link io.atomcover.ilpselect.ilp.Ranker} orders database molecules as training data for one target:
 * {@link io.atomcover.ilpselect.ilp.IlpRanker} by the atom-mapping integer program: by default every
 * molecule's best objective with it forced in, from atomcover's own branch and bound over molecule
 * columns ({@code ForcedMoleculeRanking}, {@code ColumnSearch}, {@code MoleculeColumns}), otherwise by
 * enumerating solutions through OR-Tools CP-SAT or SCIP; with candidate pruning, widening, a Lagrangian
 * bound and an optional pruning check. The baselines are {@link io.atomcover.ilpselect.ilp.SmlRanker},
 * {@link io.atomcover.ilpselect.ilp.FpsRanker}, {@link io.atomcover.ilpselect.ilp.CurRanker} and
 * {@link io.atomcover.ilpselect.ilp.RandomRanker}, each named by a {@link io.atomcover.ilpselect.ilp.RankingMethod}.
 * The result is a {@link io.atomcover.ilpselect.ilp.Ranking}. Squared distances between rows come from
 * the engine's {@link io.atomcover.backend.PairDistances}. See
 * docs/methods.md, "Target-tailored selection", and docs/ilpselect.md.
 */
package io.atomcover.ilpselect.ilp;
