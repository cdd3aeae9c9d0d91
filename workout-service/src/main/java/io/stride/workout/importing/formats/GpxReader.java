package io.stride.workout.importing.formats;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track;
import io.stride.workout.metrics.Track.Channel;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * GPX 1.0 and 1.1 tracks, with heart rate, cadence and temperature from Garmin's
 * TrackPointExtension (v1 and v2) and power from the common {@code <power>} and {@code
 * PowerInWatts} extensions. Elements are matched by local name, so any namespace prefix works.
 * Every {@code trkseg} (and every {@code trk}) is its own segment: the gaps between them are
 * pauses.
 */
final class GpxReader {

  private final Limits limits;

  GpxReader(Limits limits) {
    this.limits = limits;
  }

  ParsedActivity read(byte[] content) {
    return SafeXml.read(content, "GPX", this::parse);
  }

  private ParsedActivity parse(XMLStreamReader xml) throws XMLStreamException {
    Track.Builder track = Track.builder();
    String creator = null;
    String name = null;
    Sport sport = null;
    boolean sawRoot = false;
    boolean inTrack = false;
    while (xml.hasNext()) {
      int event = SafeXml.next(xml);
      if (event == XMLStreamConstants.END_ELEMENT) {
        switch (xml.getLocalName()) {
          case "trk" -> inTrack = false;
          default -> {}
        }
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "gpx" -> {
          sawRoot = true;
          creator = xml.getAttributeValue(null, "creator");
        }
        case "trk" -> {
          inTrack = true;
          track.newSegment();
        }
        case "name" -> {
          if (inTrack && name == null) {
            name = xml.getElementText().trim();
          }
        }
        case "type" -> {
          if (inTrack && sport == null) {
            sport = XmlValues.sport(xml.getElementText());
          }
        }
        case "trkseg" -> track.newSegment();
        case "trkpt" -> {
          readPoint(xml, track);
          limits.checkPoints(track.size());
        }
        default -> {}
      }
    }
    if (!sawRoot) {
      throw new UnreadableFileException("The file is XML but not GPX (no <gpx> element).");
    }
    Track built = track.build();
    if (built.isEmpty()) {
      throw new UnreadableFileException(
          "The GPX file has no track points with a time: a route or waypoints alone are not an"
              + " activity.");
    }
    // the first point's time: <metadata><time> is when the file was written, not when the activity
    // began (an export can be written months later, or a route drawn long before)
    Instant start = Instant.ofEpochMilli(built.timeMillis(0));
    return new ParsedActivity(
        "gpx",
        sport,
        name == null || name.isBlank() ? null : name,
        start,
        new ParsedActivity.Device(null, creator, null, creator),
        built,
        List.of(),
        ParsedActivity.DeviceTotals.NONE);
  }

  private static void readPoint(XMLStreamReader xml, Track.Builder track)
      throws XMLStreamException {
    PointDraft point = new PointDraft();
    point.set(Channel.LATITUDE, XmlValues.number(xml.getAttributeValue(null, "lat")));
    point.set(Channel.LONGITUDE, XmlValues.number(xml.getAttributeValue(null, "lon")));
    SafeXml.eachElementWithin(
        xml,
        element ->
            switch (element) {
              case "time" -> point.readTime(xml);
              case "ele" -> point.read(Channel.ALTITUDE, xml);
              case "hr" -> point.read(Channel.HEART_RATE, xml);
              case "cad" -> point.read(Channel.CADENCE, xml);
              case "atemp", "wtemp", "temp" -> point.read(Channel.TEMPERATURE, xml);
              case "power", "PowerInWatts" -> point.read(Channel.POWER, xml);
              case "speed" -> point.read(Channel.SPEED, xml);
              default -> false;
            });
    point.addTo(track);
  }
}
