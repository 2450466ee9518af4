package org.homeward.visit.routing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the original Solomon text format: a name line, a VEHICLE section (number, capacity) and a CUSTOMER table of
 * seven integers a row (id, x, y, demand, ready time, due date, service time), row 0 the depot. Headings and blank
 * lines are skipped by content, so CRLF files and reformatted copies read the same.
 */
final class SolomonReader {

    private SolomonReader() {
    }

    static SolomonInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty())
                .toList();
        String name = lines.get(0);
        int vehicles = -1;
        int capacity = -1;
        List<SolomonInstance.Customer> customers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\\s+");
            if (!isNumeric(fields)) {
                continue;
            }
            if (fields.length == 2 && vehicles < 0) {
                vehicles = Integer.parseInt(fields[0]);
                capacity = Integer.parseInt(fields[1]);
            } else if (fields.length == 7) {
                customers.add(new SolomonInstance.Customer(Integer.parseInt(fields[0]), Double.parseDouble(fields[1]),
                        Double.parseDouble(fields[2]), Integer.parseInt(fields[3]), Integer.parseInt(fields[4]),
                        Integer.parseInt(fields[5]), Integer.parseInt(fields[6])));
            } else {
                throw new IOException(file + ": unexpected line " + (i + 1) + ": " + lines.get(i));
            }
        }
        if (vehicles < 0 || customers.isEmpty() || customers.get(0).id() != 0) {
            throw new IOException(file + ": no VEHICLE section or no depot row 0");
        }
        return new SolomonInstance(name, vehicles, capacity, customers);
    }

    private static boolean isNumeric(String[] fields) {
        for (String field : fields) {
            if (!field.matches("-?\\d+(\\.\\d+)?")) {
                return false;
            }
        }
        return true;
    }
}
