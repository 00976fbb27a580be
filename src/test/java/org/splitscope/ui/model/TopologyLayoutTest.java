package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.NodePlace;
import org.splitscope.model.Topology;
import org.splitscope.model.ViewSettings;
import org.splitscope.ui.model.TopologyLayout.Bands;
import org.splitscope.ui.model.TopologyLayout.LinkRoute;
import org.splitscope.ui.model.TopologyLayout.Point;
import org.splitscope.zoo.SampleScenarios;

/** The canvas's geometry: tidy layouts of any size, links that can be seen and clicked, labels apart. */
class TopologyLayoutTest {
    /** How the nodes are spread over tiers, by node number. */
    private static final Map<String, IntUnaryOperator> MIXES = Map.of(
            "all end devices", i -> 0,
            "round robin over three tiers", i -> i % 3,
            "one end device, the rest edge", i -> i == 0 ? 0 : 1,
            "five tiers at random", i -> new Random(i * 31L).nextInt(5),
            "mostly cloud", i -> i % 5 == 0 ? 0 : 2);

    /** n nodes, each linked to the next and to node 0, and every pair linked when n is small. */
    private static Topology topology(int n, IntUnaryOperator tier, boolean complete) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new Node("n" + i, tier.applyAsInt(i), "x", 1e9));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (complete || j == i + 1 || i == 0) {
                    links.add(new Link("n" + i, "n" + j, 1e6, 0));
                }
            }
        }
        return new Topology(nodes, links, "n0", null, null, null);
    }

    @Test
    void tidyLayoutsOfOneToSixtyNodesOverlapNowhereAndNoLinkHidesItsMiddle() {
        double[][] areas = {{1200, 400}, {600, 700}, {1900, 300}};
        for (var mix : MIXES.entrySet()) {
            for (int n = 1; n <= 60; n++) {
                Topology t = topology(n, mix.getValue(), n <= 12 || n % 10 == 0);
                double[] area = areas[n % areas.length];
                ViewSettings v = TopologyLayout.tidy(t, ViewSettings.NONE, area[0], area[1]);
                String what = mix.getKey() + ", " + n + " nodes";
                assertEquals(n, v.nodes().size(), what);
                Map<String, Point> centres = TopologyLayout.centres(t, v, TopologyLayout.bands(t, v));
                assertNoOverlap(centres, what);
                List<Point> all = new ArrayList<>(centres.values());
                List<LinkRoute> routes = TopologyLayout.routes(t, centres);
                assertEquals(t.links().size(), routes.size(), what);
                for (LinkRoute r : routes) {
                    assertFalse(TopologyLayout.underNode(r.middle(), all), what + ": " + r.link() + " is hidden at " + r.middle());
                }
            }
        }
    }

    private static void assertNoOverlap(Map<String, Point> centres, String what) {
        List<Map.Entry<String, Point>> list = new ArrayList<>(centres.entrySet());
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Point a = list.get(i).getValue();
                Point b = list.get(j).getValue();
                assertTrue(Math.abs(a.x() - b.x()) >= TopologyLayout.NODE_WIDTH || Math.abs(a.y() - b.y()) >= TopologyLayout.NODE_HEIGHT,
                        what + ": " + list.get(i).getKey() + " overlaps " + list.get(j).getKey());
            }
        }
    }

    @Test
    void theSeiferBoardsWrapIntoRowsAndEveryOneOfTheirLinksHasItsOwnMiddle() {
        Topology t = SampleScenarios.seiferEdgeCluster().topology();
        ViewSettings v = TopologyLayout.tidy(t, ViewSettings.NONE, 900, 400);
        assertTrue(v.nodes().stream().map(NodePlace::y).distinct().count() > 2, "more than one row (and its zigzag)");
        List<LinkRoute> routes = TopologyLayout.routes(t, TopologyLayout.centres(t, v, TopologyLayout.bands(t, v)));
        assertEquals(28, routes.size());
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                assertTrue(routes.get(i).middle().distance(routes.get(j).middle()) >= TopologyLayout.MIDDLE_SPACING,
                        routes.get(i).link() + " and " + routes.get(j).link() + " share a middle");
            }
        }
    }

    @Test
    void labelsShownAtTheirLinksNeverOverlapEachOtherOrANode() {
        Topology t = topology(20, i -> i % 3, true);
        ViewSettings v = TopologyLayout.tidy(t, ViewSettings.NONE, 1000, 500);
        Map<String, Point> centres = TopologyLayout.centres(t, v, TopologyLayout.bands(t, v));
        List<LinkRoute> routes = TopologyLayout.routes(t, centres);
        List<double[]> sizes = routes.stream().map(r -> new double[] {90, 14}).toList();
        boolean[] shown = TopologyLayout.labelsWithRoom(routes, sizes, new ArrayList<>(centres.values()));
        List<double[]> boxes = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            if (shown[i]) {
                Point m = routes.get(i).middle();
                boxes.add(new double[] {m.x() - 45, m.y() - 7, m.x() + 45, m.y() + 7});
            }
        }
        assertTrue(boxes.size() > 5, "some labels fit: " + boxes.size());
        assertTrue(boxes.size() < routes.size(), "190 labels do not all fit");
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                assertFalse(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], "labels " + i + " and " + j + " overlap");
            }
            for (Point c : centres.values()) {
                assertFalse(TopologyLayout.underNode(new Point((boxes.get(i)[0] + boxes.get(i)[2]) / 2, (boxes.get(i)[1] + boxes.get(i)[3]) / 2),
                        List.of(c)), "a label on a node");
            }
        }
    }

    @Test
    void aScenarioWithoutPlacesGetsColoursInNodeOrderAndKeepsThemWhenANodeGoes() {
        Topology t = topology(10, i -> 0, false);
        Map<String, Integer> colours = TopologyLayout.colours(t, ViewSettings.NONE);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 0, 1), List.copyOf(colours.values()));
        ViewSettings pinned = TopologyLayout.complete(t, ViewSettings.NONE);
        Topology fewer = topology(10, i -> 0, false);
        List<Node> nodes = new ArrayList<>(fewer.nodes());
        nodes.remove(2);
        Map<String, Integer> after = TopologyLayout.colours(fewer.withNodes(nodes), pinned);
        for (String id : after.keySet()) {
            assertEquals(colours.get(id), after.get(id), id);
        }
    }

    @Test
    void aNodeWithoutAPlaceGoesToFreeSpaceAndTheLeastUsedColour() {
        Topology t = topology(5, i -> 1, false);
        ViewSettings v = TopologyLayout.tidy(t, ViewSettings.NONE, 2000, 400);
        List<Node> nodes = new ArrayList<>(t.nodes());
        nodes.add(new Node("new", 1, "x", 1e9));
        Topology more = t.withNodes(nodes);
        ViewSettings done = TopologyLayout.complete(more, v);
        NodePlace p = done.place("new");
        assertEquals(5, p.colour(), "colours 0 to 4 are taken");
        for (NodePlace q : v.nodes()) {
            assertEquals(q, done.place(q.node()), "the others stay");
        }
        assertNoOverlap(TopologyLayout.centres(more, done, TopologyLayout.bands(more, done)), "with the new node");
    }

    @Test
    void bandsGrowWithTheirRowsAndTheTierUnderAPointFollowsThem() {
        Topology t = topology(30, i -> i < 25 ? 0 : 2, false);
        ViewSettings v = TopologyLayout.tidy(t, ViewSettings.NONE, 700, 700);
        Bands b = TopologyLayout.bands(t, v);
        assertEquals(3, b.count());
        assertTrue(b.height(0) > 2 * b.height(1), "the crowded tier is the tallest");
        assertEquals(0, b.tierAt(b.top(1) - 1));
        assertEquals(1, b.tierAt(b.top(1) + 1));
        assertEquals(2, b.tierAt(b.total() + 500));
    }
}
