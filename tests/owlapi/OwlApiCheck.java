// kg's own OWL API check, run by tests/test_owl_api.py (not part of the kg package).
//
// Loads each file given on the command line with the OWL API (the library Protégé is built
// on) as Protégé would, and prints one "key<TAB>value" line per finding:
//   FILE, FORMAT, LOAD_ERROR, MISSING_IMPORT, UNPARSED (count) and UNPARSED_TRIPLE,
//   ERROR_ENTITY (placeholders the parser puts for malformed constructs),
//   VIOLATIONS (OWL 2 DL profile, count) and VIOLATION, LOGICAL_AXIOMS, INDIVIDUALS, CLASSES.
// Imports resolve only to local files: "--map IRI=FILE" arguments, then the uri entries of a
// catalog-v001.xml in the file's folder (Protégé's convention). Any other import is mapped to a
// missing file, so the network is never used and a missing import is reported.
// Exit code: 0 after checking every file (the test judges the findings), 2 on bad usage.

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.RDFTriple;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyIRIMapper;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class OwlApiCheck {
    static final String ERROR_NS = "http://org.semanticweb.owlapi/error#";
    static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    static void out(String key, Object value) {
        System.out.println(key + "\t" + String.valueOf(value).replace('\n', ' ').replace('\t', ' '));
    }

    /** uri entries of the folder's catalog-v001.xml, name -> absolute file. */
    static Map<String, File> readCatalog(File folder) throws Exception {
        Map<String, File> map = new LinkedHashMap<>();
        File catalog = new File(folder, "catalog-v001.xml");
        if (!catalog.isFile()) {
            return map;
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(catalog);
        NodeList uris = doc.getElementsByTagNameNS(CATALOG_NS, "uri");
        for (int i = 0; i < uris.getLength(); i++) {
            Element e = (Element) uris.item(i);
            map.put(e.getAttribute("name"), new File(folder, e.getAttribute("uri")).getAbsoluteFile());
        }
        return map;
    }

    public static void main(String[] args) throws Exception {
        Map<String, File> given = new LinkedHashMap<>();
        List<File> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--map") && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                given.put(kv[0], new File(kv[1]).getAbsoluteFile());
            } else if (args[i].startsWith("-")) {
                System.err.println("usage: OwlApiCheck [--map IRI=FILE]... FILE...");
                System.exit(2);
            } else {
                files.add(new File(args[i]).getAbsoluteFile());
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: OwlApiCheck [--map IRI=FILE]... FILE...");
            System.exit(2);
        }
        for (File file : files) {
            check(file, given);
        }
    }

    static void check(File file, Map<String, File> given) throws Exception {
        out("FILE", file);
        Map<String, File> map = new LinkedHashMap<>(readCatalog(file.getParentFile()));
        map.putAll(given);
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntologyIRIMapper mapper = iri -> {
            File target = map.get(iri.toString());
            if (target == null) {
                target = new File(file.getParentFile(), ".owlapi-no-such-import");
            }
            return IRI.create(target);
        };
        m.getIRIMappers().clear();
        m.getIRIMappers().add(mapper);
        OWLOntologyLoaderConfiguration cfg = new OWLOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
        m.setOntologyLoaderConfiguration(cfg);
        OWLOntology ont;
        try {
            // OWL API 5.1 guesses a file's syntax by trying its parsers in turn; on a JSON
            // object (compacted JSON-LD: {"@context": ..., "@graph": [...]}) its RDF/JSON
            // parser throws an unchecked exception that ends the load before the JSON-LD
            // parser is tried. A .jsonld file is therefore named JSON-LD.
            FileDocumentSource source = file.getName().endsWith(".jsonld")
                ? new FileDocumentSource(file, new org.semanticweb.owlapi.formats.RDFJsonLDDocumentFormat())
                : new FileDocumentSource(file);
            ont = m.loadOntologyFromOntologyDocument(source, cfg);
        } catch (Exception e) {
            out("LOAD_ERROR", e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        OWLDocumentFormat fmt = m.getOntologyFormat(ont);
        out("FORMAT", fmt == null ? "unknown" : fmt.getKey());
        Optional<OWLOntologyLoaderMetaData> md = fmt == null ? Optional.empty() : fmt.getOntologyLoaderMetaData();
        List<RDFTriple> unparsed = md.isPresent()
            ? md.get().getUnparsedTriples().collect(Collectors.toList()) : new ArrayList<>();
        out("UNPARSED", unparsed.size());
        for (RDFTriple t : unparsed) {
            out("UNPARSED_TRIPLE", t);
        }
        ont.signature(Imports.INCLUDED)
            .filter(e -> e.getIRI().toString().startsWith(ERROR_NS))
            .forEach(e -> out("ERROR_ENTITY", e.getIRI()));
        ont.importsDeclarations()
            .filter(d -> m.getImportedOntology(d) == null)
            .forEach(d -> out("MISSING_IMPORT", d.getIRI()));
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(ont).getViolations();
        out("VIOLATIONS", violations.size());
        for (OWLProfileViolation v : violations) {
            out("VIOLATION", v);
        }
        out("LOGICAL_AXIOMS", ont.getLogicalAxiomCount(Imports.EXCLUDED));
        out("INDIVIDUALS", ont.individualsInSignature(Imports.EXCLUDED).count());
        out("CLASSES", ont.classesInSignature(Imports.INCLUDED).count());
    }
}
