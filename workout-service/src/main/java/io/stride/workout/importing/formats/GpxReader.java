package io.stride.workout.importing.formats;

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
    Instant metadataTime = null;
    boolean sawRoot = false;
    boolean inTrack = false;
    boolean inMetadata = false;
    while (xml.hasNext()) {
      int event = SafeXml.next(xml);
      if (event == XMLStreamConstants.END_ELEMENT) {
        switch (xml.getLocalName()) {
          case "trk" -> inTrack = false;
          case "metadata" -> inMetadata = false;
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
        case "metadata" -> inMetadata = true;
        case "time" -> {
          if (inMetadata) {
            metadataTime = XmlValues.time(xml.getElementText());
          }
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
    Instant start = Instant.ofEpochMilli(built.timeMillis(0));
    return new ParsedActivity(
        "gpx",
        sport,
        name == null || name.isBlank() ? null : name,
        metadataTime != null && metadataTime.isBefore(start) ? metadataTime : start,
        new ParsedActivity.Device(null, creator, null),
        built,
        List.of(),
        ParsedActivity.DeviceTotals.NONE);
  }

  private static void readPoint(XMLStreamReader xml, Track.Builder track)
      throws XMLStreamException {
    double lat = XmlValues.number(xml.getAttributeValue(null, "lat"));
    double lon = XmlValues.number(xml.getAttributeValue(null, "lon"));
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      lat = Double.NaN;
      lon = Double.NaN;
    }
    Instant time = null;
    double ele = Double.NaN;
    double hr = Double.NaN;
    double cad = Double.NaN;
    double temp = Double.NaN;
    double power = Double.NaN;
    double speed = Double.NaN;
    int depth = 1;
    while (depth > 0) {
      int event = SafeXml.next(xml);
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "time" -> time = XmlValues.time(xml.getElementText());
        case "ele" -> ele = XmlValues.number(xml.getElementText());
        case "hr" -> hr = XmlValues.number(xml.getElementText());
        case "cad" -> cad = XmlValues.number(xml.getElementText());
        case "atemp", "wtemp", "temp" -> temp = XmlValues.number(xml.getElementText());
        case "power", "PowerInWatts" -> power = XmlValues.number(xml.getElementText());
        case "speed" -> speed = XmlValues.number(xml.getElementText());
        default -> depth++;
      }
    }
    if (time == null) {
      return; // a point without a time cannot be placed in the activity
    }
    track
        .point(time.toEpochMilli())
        .set(Channel.LATITUDE, lat)
        .set(Channel.LONGITUDE, lon)
        .set(Channel.ALTITUDE, ele)
        .set(Channel.HEART_RATE, hr)
        .set(Channel.CADENCE, cad)
        .set(Channel.TEMPERATURE, temp)
        .set(Channel.POWER, power)
        .set(Channel.SPEED, speed);
  }
}
