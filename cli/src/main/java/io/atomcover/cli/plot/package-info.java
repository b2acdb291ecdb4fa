/**
 * Charts of the command line's plots, drawn by atomcover itself rather than by a charting library:
 * that is what lets logarithmic axes carry labels at every decade (and at 1-2-5 steps between
 * decades when the range is narrow), puts legends where no data is, and writes SVG with real
 * {@code <text>} elements instead of glyph outlines.
 *
 * <p>A {@link io.atomcover.cli.plot.Chart} (axes, titles, {@link io.atomcover.cli.plot.Series}) is
 * laid out by {@link io.atomcover.cli.plot.ChartLayout} (plot area, {@link io.atomcover.cli.plot.Ticks},
 * legend place) and painted by {@link io.atomcover.cli.plot.ChartPainter} onto a
 * {@link io.atomcover.cli.plot.Canvas}: {@link io.atomcover.cli.plot.PngCanvas} (Java 2D) or
 * {@link io.atomcover.cli.plot.SvgCanvas} (SVG text). {@link io.atomcover.cli.plot.Figure} writes a
 * grid of charts to a PNG or SVG file atomically.
 */
package io.atomcover.cli.plot;
