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
 * Garmin Training Center XML: the first {@code Activity}, its laps (the device's own totals per
 * lap), and its track points with position, altitude, distance, heart rate, cadence (bike {@code
 * Cadence} or run {@code RunCadence}), speed and power ({@code Watts}) from the ActivityExtension.
 * Every {@code Track} is a segment; devices start a new one after a pause.
 */
final class TcxReader {

  private final Limits limits;

  TcxReader(Limits limits) {
    this.limits = limits;
  }

  ParsedActivity read(byte[] content) {
    return SafeXml.read(content, "TCX", this::parse);
  }

  private ParsedActivity parse(XMLStreamReader xml) throws XMLStreamException {
    Track.Builder track = Track.builder();
    TcxLaps laps = new TcxLaps();
    Sport sport = null;
    Instant id = null;
    String deviceName = null;
    String serial = null;
    String author = null;
    boolean sawRoot = false;
    boolean inActivity = false;
    boolean activityDone = false;
    boolean inCreator = false;
    while (xml.hasNext()) {
      int event = SafeXml.next(xml);
      if (event == XMLStreamConstants.END_ELEMENT) {
        switch (xml.getLocalName()) {
          case "Activity" -> {
            inActivity = false;
            activityDone = true;
          }
          case "Creator" -> inCreator = false;
          default -> {}
        }
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String element = xml.getLocalName();
      if (element.equals("TrainingCenterDatabase")) {
        sawRoot = true;
        continue;
      }
      if (element.equals("Activity") && !activityDone) {
        inActivity = true;
        sport = XmlValues.sport(xml.getAttributeValue(null, "Sport"));
        continue;
      }
      if (element.equals("Author")) {
        author = readName(xml);
        continue;
      }
      if (!inActivity) {
        continue;
      }
      switch (element) {
        case "Id" -> id = XmlValues.time(xml.getElementText());
        case "Creator" -> inCreator = true;
        case "Name" -> {
          if (inCreator && deviceName == null) {
            deviceName = xml.getElementText().trim();
          }
        }
        case "UnitId" -> {
          if (inCreator) {
            serial = xml.getElementText().trim();
          }
        }
        case "Lap" -> {
          laps.start(XmlValues.time(xml.getAttributeValue(null, "StartTime")));
          limits.checkLaps(laps.count());
        }
        case "Track" -> track.newSegment();
        case "Trackpoint" -> {
          readPoint(xml, track);
          limits.checkPoints(track.size());
        }
        default -> {
          if (TcxLaps.NUMBERS.contains(element)) {
            laps.set(element, XmlValues.number(xml.getElementText()));
          } else if (TcxLaps.VALUES.contains(element)) {
            laps.set(element, readValue(xml));
          }
        }
      }
    }
    if (!sawRoot) {
      throw new UnreadableFileException("The file is XML but not TCX (no TrainingCenterDatabase).");
    }
    Track built = track.build();
    if (built.isEmpty() && laps.count() == 0) {
      throw new UnreadableFileException("The TCX file has no activity with laps or track points.");
    }
    List<ParsedActivity.Lap> recorded = laps.laps();
    Instant start =
        id != null
            ? id
            : built.isEmpty()
                ? recorded.get(0).startTime()
                : Instant.ofEpochMilli(built.timeMillis(0));
    if (start == null) {
      throw new UnreadableFileException("The TCX activity has no start time.");
    }
    return new ParsedActivity(
        "tcx",
        sport,
        null,
        start,
        new ParsedActivity.Device(
            "Garmin".equals(deviceName) ? "Garmin" : null, deviceName, serial, deviceName),
        built,
        recorded,
        laps.totals(author != null && author.startsWith("Polar")));
  }

  /** The {@code Name} of an {@code Author}: the application that wrote the file. */
  private static String readName(XMLStreamReader xml) throws XMLStreamException {
    String[] name = {null};
    SafeXml.eachElementWithin(
        xml,
        element -> {
          if (!element.equals("Name") || name[0] != null) {
            return false;
          }
          name[0] = xml.getElementText().trim();
          return true;
        });
    return name[0];
  }

  /** The number inside {@code <X><Value>n</Value></X>}. */
  private static double readValue(XMLStreamReader xml) throws XMLStreamException {
    double[] value = {Double.NaN};
    SafeXml.eachElementWithin(
        xml,
        element -> {
          if (!element.equals("Value")) {
            return false;
          }
          value[0] = XmlValues.number(xml.getElementText());
          return true;
        });
    return value[0];
  }

  private static void readPoint(XMLStreamReader xml, Track.Builder track)
      throws XMLStreamException {
    PointDraft point = new PointDraft();
    SafeXml.eachElementWithin(
        xml,
        element ->
            switch (element) {
              case "Time" -> point.readTime(xml);
              case "LatitudeDegrees" -> point.read(Channel.LATITUDE, xml);
              case "LongitudeDegrees" -> point.read(Channel.LONGITUDE, xml);
              case "AltitudeMeters" -> point.read(Channel.ALTITUDE, xml);
              case "DistanceMeters" -> point.read(Channel.DISTANCE, xml);
              case "HeartRateBpm" -> {
                point.set(Channel.HEART_RATE, readValue(xml));
                yield true;
              }
              case "Cadence", "RunCadence" -> point.read(Channel.CADENCE, xml);
              case "Speed" -> point.read(Channel.SPEED, xml);
              case "Watts" -> point.read(Channel.POWER, xml);
              default -> false;
            });
    point.addTo(track);
  }
}
