package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Verb;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A reader that goes on past a verb it cannot read, for the linter, which lists every problem of a document
 * rather than the first. It counts the open elements, so that after a verb fails anywhere inside it can skip to
 * that verb's end tag; the verbs of the root are then read on. Problems inside a verb stop that verb only.
 */
final class RecoveringReader extends StreamReaderDelegate {

    /** The root element's depth: its children are the verbs. */
    private static final int ROOT = 1;

    private final List<Verb> verbs = new ArrayList<>();
    private final List<Integer> verbLines = new ArrayList<>();
    private final List<BxmlException> problems = new ArrayList<>();
    private int depth;

    RecoveringReader(XMLStreamReader in) {
        super(in);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }

    /** How many elements are open, the one the reader is on included. */
    int depth() {
        return depth;
    }

    /** Whether reading goes on past a failed child of the element at {@code ownerDepth}: only the root's. */
    boolean recoversChildrenAt(int ownerDepth) {
        return ownerDepth == ROOT;
    }

    /** A verb of the root, read from the start tag at {@code start}. */
    void verbRead(Object verb, Location start) {
        verbs.add((Verb) verb);
        verbLines.add(start == null ? 0 : start.getLineNumber());
    }

    /** Notes {@code problem} and skips to the end of the child of the root it is in, if it is not there yet. */
    void recover(BxmlException problem) throws XMLStreamException {
        problems.add(problem);
        while (depth > ROOT) {
            next();
        }
    }

    /** Notes a problem that ends the reading (not well-formed XML, a wrong root). */
    void fatal(BxmlException problem) {
        problems.add(problem);
    }

    /** The verbs read, in order. */
    List<Verb> verbs() {
        return List.copyOf(verbs);
    }

    /** The line of each verb read, in the same order. */
    List<Integer> verbLines() {
        return List.copyOf(verbLines);
    }

    List<BxmlException> problems() {
        return List.copyOf(problems);
    }
}
