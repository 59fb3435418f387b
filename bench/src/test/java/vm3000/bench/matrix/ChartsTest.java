package vm3000.bench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The charts are valid SVG with labelled axes, a legend, and both schemes in every panel. */
class ChartsTest {
    @TempDir
    Path dir;

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagNameNS(SvgChart.NS, "text");
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent());
        return out;
    }

    @Test
    void everyChart_isSvg_withAxesLegendAndBothSchemesPerPanel() throws Exception {
        Report r = ReportTest.report();
        List<String> files = Charts.write(r, dir);
        assertEquals(List.of("slowdown.svg", "entries.svg", "modelled.svg"), files);
        for (String name : files) {
            Document d = parse(dir.resolve(name));
            Element root = d.getDocumentElement();
            assertEquals("svg", root.getLocalName(), name);
            assertEquals(SvgChart.NS, root.getNamespaceURI(), name);
            List<String> texts = texts(d);
            // two workloads: two panels, each with its x label, its y label and its title
            assertEquals(2, texts.stream().filter(t -> t.equals("depth (VMMs below the guest)")).count(), name);
            assertTrue(texts.contains("k") && texts.contains("w"), name + ": panel titles " + texts);
            assertTrue(texts.contains("bare") && texts.contains("4"), name + ": x ticks");
            NodeList legend = d.getElementsByTagNameNS(SvgChart.NS, "text");
            int legends = 0;
            for (int i = 0; i < legend.getLength(); i++) {
                Element e = (Element) legend.item(i);
                if ("legend".equals(e.getAttribute("class"))) legends++;
            }
            assertEquals(2, legends, name + ": a legend of both schemes");
            assertTrue(texts.contains("trap-and-emulate") && texts.contains("RMR"), name);
            NodeList paths = d.getElementsByTagNameNS(SvgChart.NS, "path");
            List<String> series = new ArrayList<>();
            for (int i = 0; i < paths.getLength(); i++) series.add(((Element) paths.item(i)).getAttribute("data-series"));
            // k: both schemes have points (trap-1; rmr-2); w: trap only besides bare, RMR has just bare
            assertEquals(2, series.stream().filter("trap-and-emulate"::equals).count(), name + " " + series);
            assertEquals(2, series.stream().filter("RMR"::equals).count(), name + " " + series);
        }
    }

    @Test
    void theYAxisIsLabelled_andLogChartsHaveDecades() throws Exception {
        Report r = ReportTest.report();
        Charts.write(r, dir);
        assertTrue(texts(parse(dir.resolve(Charts.SLOWDOWN))).contains("time / bare time"));
        List<String> t = texts(parse(dir.resolve(Charts.MODELLED)));
        assertTrue(t.contains("modelled cycles / bare"), t.toString());
        // k's trap-1 is 61× bare: the panel's log axis runs 1 .. 100
        assertTrue(t.contains("1") && t.contains("10") && t.contains("100"), t.toString());
    }

    @Test
    void labelsWithMarkup_stayText() throws Exception {
        SvgChart c = new SvgChart("a <b> & \"c\"", "x & y", "y < z", false, "0", "1");
        c.add(new SvgChart.Panel("p<1>", List.of(new SvgChart.Series("s&t", "#000", null, new double[] {0, 1},
                new double[] {1, 2}, null))));
        Path f = dir.resolve("c.svg");
        c.write(f);
        List<String> t = texts(parse(f));
        assertTrue(t.contains("a <b> & \"c\"") && t.contains("x & y") && t.contains("y < z") && t.contains("p<1>")
                && t.contains("s&t"), t.toString());
        assertTrue(Files.readString(f).contains("&lt;b&gt;"));
    }

    @Test
    void linearTicks_areRoundNumbers() {
        assertEquals(0.5, SvgChart.niceStep(2.3), 1e-12);
        assertEquals(2.0, SvgChart.niceStep(7.0), 1e-12);
        assertEquals(20.0, SvgChart.niceStep(61.0), 1e-12);
    }
}
