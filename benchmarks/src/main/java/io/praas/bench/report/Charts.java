package io.praas.bench.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Line charts as PNG files (headless JFreeChart). */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A chart under construction: named series of (x, y) points. */
    public static final class LineChart {

        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final Map<String, XYSeries> series = new LinkedHashMap<>();
        private boolean logX;
        private boolean logY;

        public LineChart(String title, String xLabel, String yLabel) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }

        public LineChart logX() {
            logX = true;
            return this;
        }

        public LineChart logY() {
            logY = true;
            return this;
        }

        public LineChart point(String seriesName, double x, double y) {
            series.computeIfAbsent(seriesName, name -> new XYSeries(name, false, true)).add(x, y);
            return this;
        }

        /** Writes {@code directory/fileName} and returns the file name, for the report's link. */
        public String writePng(Path directory, String fileName) {
            XYSeriesCollection data = new XYSeriesCollection();
            series.values().forEach(data::addSeries);
            JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                    true, false, false);
            XYPlot plot = chart.getXYPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            plot.setRenderer(new XYLineAndShapeRenderer(true, true));
            if (logX) {
                plot.setDomainAxis(logAxis(xLabel));
            }
            if (logY) {
                plot.setRangeAxis(logAxis(yLabel));
            } else {
                ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
            }
            try {
                Files.createDirectories(directory);
                ChartUtils.saveChartAsPNG(directory.resolve(fileName).toFile(), chart, 900, 540);
                return fileName;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write chart " + fileName, e);
            }
        }

        private static LogAxis logAxis(String label) {
            LogAxis axis = new LogAxis(label);
            axis.setBase(10);
            axis.setSmallestValue(1e-3);
            // One tick per decade, labelled as plain numbers rather than powers of ten.
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            return axis;
        }
    }
}
