package vm3000.bench.matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vm3000.cpu.OutputFiles;

/**
 * Line charts as SVG: a grid of small panels (one per workload) with the same axes, each with
 * one line per series, a shared legend and labelled axes; the y axis linear from 0 or
 * logarithmic. Written through the JDK's DOM and XML transformer, so the file is well-formed XML
 * whatever the labels hold, and the same bytes on every machine (no fonts are measured: a
 * charting library that lays text out through AWT gives a different file per host's fonts).
 */
public final class SvgChart {
    static final String NS = "http://www.w3.org/2000/svg";
    private static final int PANEL_W = 250, PANEL_H = 190, COLUMNS = 4;
    private static final int LEFT = 58, RIGHT = 12, TOP = 28, BOTTOM = 40;
    private static final int HEADER = 64;

    /** One line: its name in the legend, its colour and dash pattern, its points and error bars (NaN: none). */
    public record Series(String name, String color, String dash, double[] x, double[] y, double[] err) {}

    /** One panel: a title and its lines. */
    public record Panel(String title, List<Series> series) {}

    private final String title, xLabel, yLabel;
    private final boolean logY;
    private final List<Panel> panels = new ArrayList<>();
    private final String[] xTicks;
    private String note = "";

    /** {@code xTicks[i]} labels x = i. */
    public SvgChart(String title, String xLabel, String yLabel, boolean logY, String... xTicks) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
        this.xTicks = xTicks;
    }

    public SvgChart add(Panel p) {
        panels.add(p);
        return this;
    }

    /** A line of small print under the title. */
    public SvgChart note(String text) {
        note = text;
        return this;
    }

    /** Writes the chart to {@code file} whole (see {@link OutputFiles}). */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(document()), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("writing " + file + ": " + e.getMessage(), e);
        }
        OutputFiles.write(file, out.toByteArray());
    }

    Document document() {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        int rows = Math.max(1, (panels.size() + COLUMNS - 1) / COLUMNS);
        int width = COLUMNS * PANEL_W, height = HEADER + rows * PANEL_H;
        Element svg = doc.createElementNS(NS, "svg");
        svg.setAttribute("width", Integer.toString(width));
        svg.setAttribute("height", Integer.toString(height));
        svg.setAttribute("viewBox", "0 0 " + width + " " + height);
        svg.setAttribute("font-family", "sans-serif");
        svg.setAttribute("font-size", "11");
        doc.appendChild(svg);
        rect(doc, svg, 0, 0, width, height, "white", null);
        text(doc, svg, 10, 20, title, "start", "15").setAttribute("font-weight", "bold");
        if (!note.isEmpty()) text(doc, svg, 10, 36, note, "start", "10").setAttribute("fill", "#555");
        legend(doc, svg, width);
        for (int i = 0; i < panels.size(); i++) {
            panel(doc, svg, panels.get(i), (i % COLUMNS) * PANEL_W, HEADER + (i / COLUMNS) * PANEL_H, yRange(panels.get(i)));
        }
        return doc;
    }

    private void legend(Document doc, Element svg, int width) {
        if (panels.isEmpty()) return;
        int x = width - 10;
        List<Series> series = panels.get(0).series();
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            Element label = text(doc, svg, x, 54, s.name(), "end", "11");
            x -= 8 + 7 * s.name().length();
            line(doc, svg, x - 26, 50, x - 4, 50, s.color(), s.dash(), 2);
            marker(doc, svg, x - 15, 50, s.color(), true);
            x -= 40;
            label.setAttribute("class", "legend");
        }
    }

    /** [min, max] of the y axis of panel {@code p}: each panel has its own scale. */
    double[] yRange(Panel p) {
        double max = 0, minPositive = Double.POSITIVE_INFINITY;
        {
            for (Series s : p.series()) {
                for (int i = 0; i < s.y().length; i++) {
                    double y = s.y()[i], e = s.err() == null || Double.isNaN(s.err()[i]) ? 0 : s.err()[i];
                    if (Double.isNaN(y)) continue;
                    max = Math.max(max, y + e);
                    if (y > 0) minPositive = Math.min(minPositive, y);
                }
            }
        }
        if (logY) {
            double lo = Double.isInfinite(minPositive) ? 0.1 : Math.pow(10, Math.floor(Math.log10(minPositive)));
            double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(max, lo * 10))));
            return new double[] {lo, hi};
        }
        double step = niceStep(max <= 0 ? 1 : max);
        return new double[] {0, Math.ceil((max <= 0 ? 1 : max) / step) * step};
    }

    static double niceStep(double max) {
        double raw = max / 5, p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) if (raw <= m * p) return m * p;
        return 10 * p;
    }

    private void panel(Document doc, Element svg, Panel p, int ox, int oy, double[] range) {
        int x0 = ox + LEFT, x1 = ox + PANEL_W - RIGHT, y0 = oy + PANEL_H - BOTTOM, y1 = oy + TOP;
        text(doc, svg, (x0 + x1) / 2.0, oy + 16, p.title(), "middle", "12").setAttribute("font-weight", "bold");
        rect(doc, svg, x0, y1, x1 - x0, y0 - y1, "none", "#999");
        // y ticks and grid
        for (double v : yTicks(range)) {
            double y = yPos(v, range, y0, y1);
            line(doc, svg, x0, y, x1, y, "#e4e4e4", null, 1);
            text(doc, svg, x0 - 4, y + 4, tick(v), "end", "10");
        }
        // x ticks
        for (int i = 0; i < xTicks.length; i++) {
            double x = xPos(i, x0, x1);
            line(doc, svg, x, y0, x, y0 + 4, "#999", null, 1);
            text(doc, svg, x, y0 + 15, xTicks[i], "middle", "10");
        }
        text(doc, svg, (x0 + x1) / 2.0, y0 + 31, xLabel, "middle", "10");
        Element yl = text(doc, svg, ox + 12, (y0 + y1) / 2.0, yLabel, "middle", "10");
        yl.setAttribute("transform", String.format(Locale.ROOT, "rotate(-90 %d %.1f)", ox + 12, (y0 + y1) / 2.0));
        for (Series s : p.series()) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                double x = xPos(s.x()[i], x0, x1), y = yPos(s.y()[i], range, y0, y1);
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                if (s.err() != null && !Double.isNaN(s.err()[i]) && s.err()[i] > 0) {
                    double lo = yPos(Math.max(s.y()[i] - s.err()[i], logY ? range[0] : 0), range, y0, y1);
                    double hi = yPos(s.y()[i] + s.err()[i], range, y0, y1);
                    line(doc, svg, x, lo, x, hi, s.color(), null, 1);
                }
                marker(doc, svg, x, y, s.color(), !(logY && s.y()[i] <= 0));
            }
            if (path.length() > 0) {
                Element e = doc.createElementNS(NS, "path");
                e.setAttribute("d", path.toString());
                e.setAttribute("fill", "none");
                e.setAttribute("stroke", s.color());
                e.setAttribute("stroke-width", "2");
                if (s.dash() != null) e.setAttribute("stroke-dasharray", s.dash());
                e.setAttribute("class", "series");
                e.setAttribute("data-series", s.name());
                svg.appendChild(e);
            }
        }
    }

    List<Double> yTicks(double[] range) {
        List<Double> ticks = new ArrayList<>();
        if (logY) {
            for (double v = range[0]; v <= range[1] * 1.0001; v *= 10) ticks.add(v);
        } else {
            double step = niceStep(range[1]);
            for (double v = 0; v <= range[1] + step / 1000; v += step) ticks.add(v);
        }
        return ticks;
    }

    private static String tick(double v) {
        if (v == 0) return "0";
        if (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-2) return String.format(Locale.ROOT, "1e%d", Math.round(Math.log10(v)));
        if (v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.2g", v);
    }

    private double xPos(double i, int x0, int x1) {
        double pad = 14;
        return x0 + pad + (x1 - x0 - 2 * pad) * i / Math.max(1, xTicks.length - 1);
    }

    /** On a log axis a value at or below the floor (0 included) is drawn on the floor, as an open marker. */
    private double yPos(double v, double[] range, int y0, int y1) {
        double f;
        if (logY) {
            double lv = v <= range[0] ? Math.log10(range[0]) : Math.log10(v);
            f = (lv - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0]));
        } else {
            f = (v - range[0]) / (range[1] - range[0]);
        }
        return y0 - f * (y0 - y1);
    }

    private static Element text(Document doc, Element parent, double x, double y, String s, String anchor, String size) {
        Element e = element(doc, parent, "text", "x", fmt(x), "y", fmt(y), "text-anchor", anchor, "font-size", size);
        e.setTextContent(s);
        return e;
    }

    private static void line(Document doc, Element parent, double x1, double y1, double x2, double y2, String color,
                             String dash, double width) {
        element(doc, parent, "line", "x1", fmt(x1), "y1", fmt(y1), "x2", fmt(x2), "y2", fmt(y2), "stroke", color,
                "stroke-width", fmt(width), "stroke-dasharray", dash);
    }

    private static void rect(Document doc, Element parent, double x, double y, double w, double h, String fill, String stroke) {
        element(doc, parent, "rect", "x", fmt(x), "y", fmt(y), "width", fmt(w), "height", fmt(h), "fill", fill,
                "stroke", stroke);
    }

    private static void marker(Document doc, Element parent, double x, double y, String color, boolean filled) {
        element(doc, parent, "circle", "cx", fmt(x), "cy", fmt(y), "r", "3", "fill", filled ? color : "white",
                "stroke", color);
    }

    /** A new SVG element {@code name} under {@code parent}, with the attributes given as name, value pairs; a null value is left out. */
    private static Element element(Document doc, Element parent, String name, String... attributes) {
        Element e = doc.createElementNS(NS, name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) e.setAttribute(attributes[i], attributes[i + 1]);
        }
        parent.appendChild(e);
        return e;
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }
}
