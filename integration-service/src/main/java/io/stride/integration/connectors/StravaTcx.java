package io.stride.integration.connectors;

import io.stride.integration.connectors.ImportConnector.RemoteActivity;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.JsonNode;

/**
 * A Strava activity's streams ({@code key_by_type=true}: {@code time} as seconds from the start,
 * {@code latlng}, {@code altitude}, {@code distance}, {@code heartrate}, {@code cadence}, {@code
 * watts}) written as a TCX file (Garmin Training Center Database v2) with one lap, so
 * workout-service imports it as it imports any TCX file: same metrics, same duplicate check (start
 * time and duration). The recording device, when Strava names it, becomes the file's {@code
 * Creator}.
 */
final class StravaTcx {

  private static final String NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String TPX = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

  private StravaTcx() {}

  /** Null when the streams hold no time stream (nothing was recorded). */
  static byte[] of(RemoteActivity activity, JsonNode streams) {
    JsonNode time = data(streams, "time");
    if (time == null || time.isEmpty()) {
      return null;
    }
    JsonNode latlng = data(streams, "latlng");
    JsonNode altitude = data(streams, "altitude");
    JsonNode distance = data(streams, "distance");
    JsonNode heartRate = data(streams, "heartrate");
    JsonNode cadence = data(streams, "cadence");
    JsonNode watts = data(streams, "watts");
    Instant start = activity.startTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * time.size() + 1024);
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("TrainingCenterDatabase");
      xml.writeDefaultNamespace(NS);
      xml.writeNamespace("xsi", XSI);
      xml.writeNamespace("ns3", TPX);
      xml.writeStartElement("Activities");
      xml.writeStartElement("Activity");
      xml.writeAttribute("Sport", StravaSports.tcx(activity.sportType()));
      element(xml, "Id", start.toString());
      xml.writeStartElement("Lap");
      xml.writeAttribute("StartTime", start.toString());
      element(xml, "TotalTimeSeconds", Long.toString(activity.elapsedSeconds()));
      element(xml, "DistanceMeters", number(activity.distanceMeters()));
      element(xml, "Intensity", "Active");
      element(xml, "TriggerMethod", "Manual");
      xml.writeStartElement("Track");
      for (int i = 0; i < time.size(); i++) {
        xml.writeStartElement("Trackpoint");
        element(xml, "Time", start.plusSeconds(time.get(i).asLong()).toString());
        JsonNode position = at(latlng, i);
        if (position != null && position.size() == 2) {
          xml.writeStartElement("Position");
          element(xml, "LatitudeDegrees", number(position.get(0).asDouble()));
          element(xml, "LongitudeDegrees", number(position.get(1).asDouble()));
          xml.writeEndElement();
        }
        optional(xml, "AltitudeMeters", at(altitude, i));
        optional(xml, "DistanceMeters", at(distance, i));
        JsonNode bpm = at(heartRate, i);
        if (bpm != null) {
          xml.writeStartElement("HeartRateBpm");
          element(xml, "Value", Long.toString(Math.round(bpm.asDouble())));
          xml.writeEndElement();
        }
        JsonNode rpm = at(cadence, i);
        if (rpm != null) {
          element(xml, "Cadence", Long.toString(Math.min(254, Math.round(rpm.asDouble()))));
        }
        JsonNode power = at(watts, i);
        if (power != null) {
          xml.writeStartElement("Extensions");
          xml.writeStartElement("ns3", "TPX", TPX);
          element(xml, "ns3", "Watts", Long.toString(Math.round(power.asDouble())));
          xml.writeEndElement();
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement(); // Track
      xml.writeEndElement(); // Lap
      if (activity.deviceName() != null && !activity.deviceName().isBlank()) {
        xml.writeStartElement("Creator");
        xml.writeAttribute("xsi", XSI, "type", "Device_t");
        element(xml, "Name", activity.deviceName().trim());
        xml.writeEndElement();
      }
      xml.writeEndElement(); // Activity
      xml.writeEndElement(); // Activities
      xml.writeStartElement("Author");
      xml.writeAttribute("xsi", XSI, "type", "Application_t");
      element(xml, "Name", "Stride Strava import");
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a TCX file", e);
    }
    return out.toByteArray();
  }

  private static JsonNode data(JsonNode streams, String type) {
    JsonNode stream = streams == null ? null : streams.get(type);
    JsonNode data = stream == null ? null : stream.get("data");
    return data != null && data.isArray() ? data : null;
  }

  private static JsonNode at(JsonNode data, int i) {
    if (data == null || i >= data.size()) {
      return null;
    }
    JsonNode value = data.get(i);
    return value == null || value.isNull() ? null : value;
  }

  private static void optional(XMLStreamWriter xml, String name, JsonNode value)
      throws XMLStreamException {
    if (value != null && value.isNumber()) {
      element(xml, name, number(value.asDouble()));
    }
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String prefix, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(prefix, name, TPX);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.7f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
