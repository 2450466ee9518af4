package org.homeward.visit.routing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the HHCRSP text conversion of afkummer/gecco2020-brkga: keyword lines ({@code nbNodes}, {@code nbVehi},
 * {@code nbServi}, {@code r}, {@code DS}, {@code a}, {@code x}, {@code y}, {@code d}, {@code p}, {@code mind},
 * {@code maxd}, {@code e}, {@code l}) each followed by its numbers. {@code DS} lists the nodes needing two services,
 * numbered from 1 (as that project's reader takes them); every other number is indexed from 0.
 */
final class HhcrspReader {

    private static final Set<String> KEYWORDS = Set.of("nbNodes", "nbVehi", "nbServi", "r", "DS", "a", "x", "y", "d",
            "p", "mind", "maxd", "e", "l");

    private HhcrspReader() {
    }

    static HhcrspInstance read(Path file) throws IOException {
        Map<String, double[]> sections = sections(file);
        int nodes = (int) single(sections, "nbNodes");
        int caregivers = (int) single(sections, "nbVehi");
        int services = (int) single(sections, "nbServi");
        int[][] requires = intMatrix(sections.get("r"), nodes, services, "r");
        int[][] qualified = intMatrix(sections.get("a"), caregivers, services, "a");
        double[][] distance = matrix(sections.get("d"), nodes, nodes, "d");
        double[][] processing = new double[nodes][services];
        double[] p = expect(sections.get("p"), nodes * caregivers * services, "p");
        for (int node = 0; node < nodes; node++) {
            for (int s = 0; s < services; s++) {
                processing[node][s] = p[node * caregivers * services + s];
            }
        }
        Set<Integer> doubleService = new HashSet<>();
        for (double oneBased : sections.get("DS")) {
            doubleService.add((int) oneBased - 1);
        }
        HhcrspInstance instance = new HhcrspInstance(file.getFileName().toString().replace(".txt", ""), nodes,
                caregivers, services, requires, doubleService, qualified, expect(sections.get("x"), nodes, "x"),
                expect(sections.get("y"), nodes, "y"), distance, processing, expect(sections.get("mind"), nodes, "mind"),
                expect(sections.get("maxd"), nodes, "maxd"), expect(sections.get("e"), nodes, "e"),
                expect(sections.get("l"), nodes, "l"));
        checkServiceCounts(instance);
        return instance;
    }

    private static Map<String, double[]> sections(Path file) throws IOException {
        Map<String, double[]> sections = new HashMap<>();
        String keyword = null;
        StringBuilder numbers = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String stripped = line.strip();
            if (KEYWORDS.contains(stripped)) {
                if (keyword != null) {
                    sections.put(keyword, parse(numbers.toString()));
                }
                keyword = stripped;
                numbers.setLength(0);
            } else if (!stripped.isEmpty()) {
                if (keyword == null) {
                    throw new IOException(file + ": numbers before the first keyword: " + stripped);
                }
                numbers.append(' ').append(stripped);
            }
        }
        if (keyword != null) {
            sections.put(keyword, parse(numbers.toString()));
        }
        for (String required : KEYWORDS) {
            if (!sections.containsKey(required)) {
                throw new IOException(file + ": no section " + required);
            }
        }
        return sections;
    }

    /** Single-service patients need exactly one service, double-service ones exactly two (as the format promises). */
    private static void checkServiceCounts(HhcrspInstance instance) throws IOException {
        for (int node = 1; node < instance.nodes() - 1; node++) {
            int expected = instance.doubleService().contains(node) ? 2 : 1;
            List<Integer> needed = instance.servicesOf(node);
            if (needed.size() != expected) {
                throw new IOException(instance.name() + ": node " + node + " needs " + needed.size()
                        + " services, expected " + expected);
            }
        }
    }

    private static double[] parse(String numbers) {
        String stripped = numbers.strip();
        if (stripped.isEmpty()) {
            return new double[0];
        }
        String[] fields = stripped.split("\\s+");
        double[] values = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = Double.parseDouble(fields[i]);
        }
        return values;
    }

    private static double single(Map<String, double[]> sections, String keyword) throws IOException {
        return expect(sections.get(keyword), 1, keyword)[0];
    }

    private static double[] expect(double[] values, int count, String keyword) throws IOException {
        if (values.length != count) {
            throw new IOException("section " + keyword + " has " + values.length + " numbers, expected " + count);
        }
        return values;
    }

    private static double[][] matrix(double[] values, int rows, int columns, String keyword) throws IOException {
        expect(values, rows * columns, keyword);
        double[][] matrix = new double[rows][columns];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(values, row * columns, matrix[row], 0, columns);
        }
        return matrix;
    }

    private static int[][] intMatrix(double[] values, int rows, int columns, String keyword) throws IOException {
        double[][] matrix = matrix(values, rows, columns, keyword);
        int[][] ints = new int[rows][columns];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                ints[row][column] = (int) matrix[row][column];
            }
        }
        return ints;
    }
}
