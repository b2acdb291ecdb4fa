/**
 * The JSON forms of ILPSelect results, shared by the command-line reports and the experiment's result
 * files: rankings ({@link io.atomcover.ilpselect.report.RankingJson}), learning-curve points
 * ({@link io.atomcover.ilpselect.report.CurveJson}), ILP and KRR settings as parameters
 * ({@link io.atomcover.ilpselect.report.IlpJson}, {@link io.atomcover.ilpselect.report.KrrJson}) and
 * the one mapper and atomic write ({@link io.atomcover.ilpselect.report.ReportJson}).
 */
package io.atomcover.ilpselect.report;
