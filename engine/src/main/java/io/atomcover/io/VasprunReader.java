package io.atomcover.io;

import io.atomcover.structure.Elements;
import io.atomcover.structure.Structure;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VASP vasprun.xml, read with the JDK's StAX parser: every {@code <calculation>} (ionic step) is a
 * periodic frame with the cell and fractional positions of its {@code <structure>}, its
 * {@code forces} (eV/Å) and its energies. Elements come from {@code <atominfo>}'s atoms array.
 * {@code free_energy} is the step's {@code e_fr_energy}; {@code energy} is that plus
 * {@code e_0_energy - e_fr_energy} of its last electronic step, which is what ASE reads (VASP's own
 * step-level {@code e_0_energy} is wrong in some versions). A step without a structure or energy is
 * an error, and so is malformed or truncated XML (with the line the parser stopped at).
 */
final class VasprunReader {
    private VasprunReader() {
    }

    static List<Structure> read(Reader reader, Path file) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader x = null;
        try {
            x = f.createXMLStreamReader(reader);
            return new Parse(x, file).run();
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            String msg = e.getMessage() == null ? "" : e.getMessage();
            int nl = msg.lastIndexOf("Message: ");
            if (nl >= 0) msg = msg.substring(nl + 9);
            throw new InputException(file, line, "malformed XML: " + msg.strip().replace('\n', ' '));
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // the reader is closed by the caller
                }
            }
        }
    }

    /** One pass over the document. */
    private static final class Parse {
        private final XMLStreamReader x;
        private final Path file;
        private final List<String> species = new ArrayList<>();
        private final List<Structure> frames = new ArrayList<>();
        private boolean isAtomsArray;

        // the calculation being read
        private boolean inCalculation;
        private long calculationLine;
        private double[] cell;
        private List<double[]> positions;
        private List<double[]> forces;
        private double stepFree = Double.NaN, scfE0 = Double.NaN, scfFree = Double.NaN;

        Parse(XMLStreamReader x, Path file) {
            this.x = x;
            this.file = file;
        }

        private long line() {
            return x.getLocation() == null ? 0 : x.getLocation().getLineNumber();
        }

        private InputException error(String problem) {
            return new InputException(file, line(), problem);
        }

        List<Structure> run() throws XMLStreamException {
            boolean sawRoot = false;
            // element names from the root down to the current element
            List<String> path = new ArrayList<>();
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!name.equals("modeling")) throw error("root element <" + name + ">, not <modeling>: not a vasprun.xml");
                    }
                    path.add(name);
                    start(name, path);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (x.getLocalName().equals("calculation")) endCalculation();
                    path.remove(path.size() - 1);
                }
            }
            if (frames.isEmpty()) throw new InputException(file, 0, "no <calculation> (ionic step) in the file");
            return frames;
        }

        private void start(String name, List<String> path) throws XMLStreamException {
            String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
            String nameAttr = x.getAttributeValue(null, "name");
            switch (name) {
                case "rc" -> {
                    // <atominfo><array name="atoms"><set><rc><c>Si</c><c>1</c></rc>
                    if (isAtomsArray && path.size() >= 4 && path.get(path.size() - 4).equals("atominfo")) {
                        x.nextTag();
                        String el = x.getElementText().strip();
                        if (Elements.atomicNumber(el) <= 0) {
                            String cut = PoscarReader.element(el);
                            if (Elements.atomicNumber(cut) <= 0) throw error("unknown element '" + el + "' in <atominfo>");
                            el = cut;
                        }
                        // the first <c> has been read to its end; the main loop goes through the rest of the row
                        species.add(el);
                    }
                }
                case "array" -> isAtomsArray = "atoms".equals(nameAttr) && parent.equals("atominfo");
                case "calculation" -> {
                    inCalculation = true;
                    calculationLine = line();
                    cell = null;
                    positions = null;
                    forces = null;
                    stepFree = scfE0 = scfFree = Double.NaN;
                }
                case "varray" -> {
                    if (!inCalculation) return;
                    if ("basis".equals(nameAttr) && parent.equals("crystal") && under(path, "structure")) {
                        List<double[]> rows = vectors();
                        if (rows.size() != 3) throw error("basis has " + rows.size() + " vectors, expected 3");
                        cell = new double[9];
                        for (int r = 0; r < 3; r++) System.arraycopy(rows.get(r), 0, cell, 3 * r, 3);
                        path.remove(path.size() - 1);
                    } else if ("positions".equals(nameAttr) && parent.equals("structure")) {
                        positions = vectors();
                        path.remove(path.size() - 1);
                    } else if ("forces".equals(nameAttr) && parent.equals("calculation")) {
                        forces = vectors();
                        path.remove(path.size() - 1);
                    }
                }
                case "i" -> {
                    if (!inCalculation || !parent.equals("energy")) return;
                    boolean scstep = path.size() >= 3 && path.get(path.size() - 3).equals("scstep");
                    boolean step = path.size() >= 3 && path.get(path.size() - 3).equals("calculation");
                    if (!"e_fr_energy".equals(nameAttr) && !"e_0_energy".equals(nameAttr)) return;
                    double v = number(x.getElementText(), nameAttr);
                    path.remove(path.size() - 1);
                    if (scstep && nameAttr.equals("e_0_energy")) scfE0 = v;
                    else if (scstep) scfFree = v;
                    else if (step && nameAttr.equals("e_fr_energy")) stepFree = v;
                }
                default -> {
                }
            }
        }

        private static boolean under(List<String> path, String name) {
            return path.size() >= 3 && path.get(path.size() - 3).equals(name);
        }

        /** The {@code <v>} rows of the varray just started, 3 numbers each; ends on its end tag. */
        private List<double[]> vectors() throws XMLStreamException {
            List<double[]> rows = new ArrayList<>();
            while (true) {
                int ev = x.nextTag();
                if (ev == XMLStreamConstants.END_ELEMENT) return rows;
                if (!x.getLocalName().equals("v")) throw error("<" + x.getLocalName() + "> inside a varray, expected <v>");
                String[] t = TextLines.tokens(x.getElementText());
                if (t.length != 3) throw error("expected 3 numbers in <v> but found " + t.length);
                double[] row = new double[3];
                for (int k = 0; k < 3; k++) row[k] = number(t[k], "vector component");
                rows.add(row);
            }
        }

        private double number(String text, String what) {
            String tok = text.strip();
            try {
                boolean plain = !tok.isEmpty();
                for (int i = 0; i < tok.length() && plain; i++) {
                    char c = tok.charAt(i);
                    plain = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
                }
                if (plain) {
                    double v = Double.parseDouble(tok);
                    if (Double.isFinite(v)) return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw error(what + ": '" + tok + "' is not a finite number");
        }

        private void endCalculation() {
            inCalculation = false;
            int n = species.size();
            if (n == 0) throw error("a <calculation> before any atoms in <atominfo>");
            if (cell == null || positions == null)
                throw error("the <calculation> starting at line " + calculationLine + " has no structure (basis and positions)");
            if (positions.size() != n)
                throw error("the <calculation> starting at line " + calculationLine + " has " + positions.size()
                        + " positions for " + n + " atoms");
            if (Double.isNaN(stepFree) || Double.isNaN(scfE0) || Double.isNaN(scfFree))
                throw error("the <calculation> starting at line " + calculationLine
                        + " lacks e_fr_energy or its electronic steps' e_0_energy/e_fr_energy");
            double[] pos = new double[3 * n];
            for (int a = 0; a < n; a++) {
                double[] s = positions.get(a);
                for (int k = 0; k < 3; k++) pos[3 * a + k] = s[0] * cell[k] + s[1] * cell[3 + k] + s[2] * cell[6 + k];
            }
            Map<String, String> info = new LinkedHashMap<>();
            info.put("energy", Double.toString(stepFree + (scfE0 - scfFree)));
            info.put("free_energy", Double.toString(stepFree));
            List<io.atomcover.structure.AtomColumn> cols = new ArrayList<>();
            if (forces != null) {
                if (forces.size() != n)
                    throw error("the <calculation> starting at line " + calculationLine + " has " + forces.size()
                            + " forces for " + n + " atoms");
                double[] fl = new double[3 * n];
                for (int a = 0; a < n; a++) System.arraycopy(forces.get(a), 0, fl, 3 * a, 3);
                cols.add(OutcarReader.forcesColumn(fl));
            }
            frames.add(new Structure(species.toArray(new String[0]), pos, cell, new boolean[]{true, true, true}, info, cols));
        }
    }
}
