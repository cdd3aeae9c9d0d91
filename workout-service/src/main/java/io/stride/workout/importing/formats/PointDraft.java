package io.stride.workout.importing.formats;

import io.stride.workout.metrics.Track;
import io.stride.workout.metrics.Track.Channel;
import java.time.Instant;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A track point while its elements are read (GPX {@code trkpt}, TCX {@code Trackpoint}); added to
 * the track once complete. A point without a time cannot be placed and is left out; a position
 * outside the globe is dropped, the rest of the point kept.
 */
final class PointDraft {

  private final double[] values = new double[Channel.values().length];
  private Instant time;

  PointDraft() {
    Arrays.fill(values, Double.NaN);
  }

  void set(Channel channel, double value) {
    values[channel.ordinal()] = value;
  }

  /** Reads the current element's text as {@code channel}'s value; true: element consumed. */
  boolean read(Channel channel, XMLStreamReader xml) throws XMLStreamException {
    set(channel, XmlValues.number(xml.getElementText()));
    return true;
  }

  /** Reads the current element's text as the point's time; true: element consumed. */
  boolean readTime(XMLStreamReader xml) throws XMLStreamException {
    time = XmlValues.time(xml.getElementText());
    return true;
  }

  void addTo(Track.Builder track) {
    if (time == null) {
      return;
    }
    double lat = values[Channel.LATITUDE.ordinal()];
    double lon = values[Channel.LONGITUDE.ordinal()];
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      set(Channel.LATITUDE, Double.NaN);
      set(Channel.LONGITUDE, Double.NaN);
    }
    track.point(time.toEpochMilli());
    for (Channel channel : Channel.values()) {
      track.set(channel, values[channel.ordinal()]);
    }
  }
}
