package io.stride.workout.importing.formats;

import io.stride.workout.activity.ParsedActivity;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX reading that never touches a DTD: no external entities, no entity expansion (so no XXE and
 * no "billion laughs"), and a document that declares a DTD at all is refused, since no GPX or TCX
 * writer needs one. Leading whitespace and a byte-order mark before {@code <?xml} are skipped (some
 * Polar and Strava exports start that way).
 */
final class SafeXml {

  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are not read");
        });
    return factory;
  }

  /** Reads a document of {@code format} with {@code parser}; malformed XML fails with its line. */
  static ParsedActivity read(byte[] content, String format, Parser parser) {
    try {
      return parser.parse(open(content));
    } catch (XMLStreamException e) {
      throw new UnreadableFileException(
          "The "
              + format
              + " file is not well-formed XML (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber())
              + ").",
          e);
    }
  }

  /** Turns a StAX reader positioned at the start of a document into an activity. */
  interface Parser {
    ParsedActivity parse(XMLStreamReader xml) throws XMLStreamException;
  }

  static XMLStreamReader open(byte[] content) throws XMLStreamException {
    int start = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xEF
        && (content[1] & 0xff) == 0xBB
        && (content[2] & 0xff) == 0xBF) {
      start = 3;
    }
    while (start < content.length && Character.isWhitespace(content[start])) {
      start++;
    }
    InputStream in = new ByteArrayInputStream(content, start, content.length - start);
    return FACTORY.createXMLStreamReader(in);
  }

  /**
   * Offers every element inside the current one to {@code handler}, up to the current element's
   * end. A handler that consumed the element (read its text) returns true; one that returns false
   * has its children offered too.
   */
  static void eachElementWithin(XMLStreamReader xml, ElementHandler handler)
      throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = next(xml);
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT && !handler.handle(xml.getLocalName())) {
        depth++;
      }
    }
  }

  /** See {@link #eachElementWithin}. */
  interface ElementHandler {
    boolean handle(String localName) throws XMLStreamException;
  }

  /** Next event, refusing DTDs and entity references. */
  static int next(XMLStreamReader reader) throws XMLStreamException {
    int event = reader.next();
    if (event == XMLStreamConstants.DTD) {
      throw new UnreadableFileException(
          "The file declares a DTD; activity files never need one, so it is not read.");
    }
    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new UnreadableFileException("The file uses XML entities, which are not read.");
    }
    return event;
  }
}
