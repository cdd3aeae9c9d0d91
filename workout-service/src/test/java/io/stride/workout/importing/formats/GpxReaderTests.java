package io.stride.workout.importing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GpxReaderTests {

  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  @Test
  void readsARealGarminGpxWithPositionsElevationAndTimes() {
    ParsedActivity activity = files.read(ActivityFixtures.copied("gpxpy_cerknicko-jezero.gpx"));

    assertThat(activity.format()).isEqualTo("gpx");
    assertThat(activity.track().size()).isGreaterThan(100);
    assertThat(activity.track().hasPosition()).isTrue();
    assertThat(activity.track().has(Channel.ALTITUDE)).isTrue();
    assertThat(activity.startTime())
        .isEqualTo(Instant.ofEpochMilli(activity.track().timeMillis(0)));
  }

  @Test
  void aGpxIsNamedAfterTheAppThatWroteItAndAnEndlessCreatorIsCut() {
    assertThat(files.read(gpxByCreator("StravaGPX iPhone")).device().name())
        .isEqualTo("StravaGPX iPhone");
    assertThat(files.read(gpxByCreator("  ")).device().name()).isNull();
    assertThat(files.read(gpxByCreator("x".repeat(5000))).device().name()).hasSize(200);
  }

  private static byte[] gpxByCreator(String creator) {
    return ("<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\""
            + creator
            + "\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
            + "<trkpt lat=\"45\" lon=\"5\"><time>2026-05-01T06:00:00Z</time></trkpt>"
            + "<trkpt lat=\"45.0001\" lon=\"5\"><time>2026-05-01T06:00:01Z</time></trkpt>"
            + "</trkseg></trk></gpx>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsHeartRateCadencePowerAndTemperatureFromExtensions() {
    ParsedActivity activity =
        files.read(
            gpx(
                """
        <trk><type>running</type><name>Tempo</name><trkseg>
          <trkpt lat="45.0" lon="5.0"><ele>100</ele><time>2026-05-01T06:00:00Z</time>
            <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr>
              <gpxtpx:cad>85</gpxtpx:cad><gpxtpx:atemp>18</gpxtpx:atemp></gpxtpx:TrackPointExtension>
              <power>250</power></extensions></trkpt>
          <trkpt lat="45.0001" lon="5.0"><ele>101</ele><time>2026-05-01T06:00:01Z</time></trkpt>
        </trkseg></trk>"""));

    assertThat(activity.sport()).isEqualTo(Sport.RUN);
    assertThat(activity.name()).isEqualTo("Tempo");
    assertThat(activity.track().value(Channel.HEART_RATE, 0)).isEqualTo(140);
    assertThat(activity.track().value(Channel.CADENCE, 0)).isEqualTo(85);
    assertThat(activity.track().value(Channel.POWER, 0)).isEqualTo(250);
    assertThat(activity.track().value(Channel.TEMPERATURE, 0)).isEqualTo(18);
    assertThat(activity.track().value(Channel.HEART_RATE, 1)).isNaN();
  }

  @Test
  void readsGpx10WithItsSpeedElement() {
    String gpx10 =
        """
        <?xml version="1.0"?>
        <gpx version="1.0" creator="old logger" xmlns="http://www.topografix.com/GPX/1/0">
          <trk><trkseg>
            <trkpt lat="47.1" lon="8.2"><ele>500</ele><time>2009-08-01T10:00:00Z</time><speed>2.5</speed></trkpt>
            <trkpt lat="47.1001" lon="8.2"><ele>501</ele><time>2009-08-01T10:00:05Z</time><speed>2.4</speed></trkpt>
          </trkseg></trk>
        </gpx>""";

    ParsedActivity activity = files.read(gpx10.getBytes(StandardCharsets.UTF_8));

    assertThat(activity.track().size()).isEqualTo(2);
    assertThat(activity.track().value(Channel.SPEED, 0)).isEqualTo(2.5);
    assertThat(activity.startTime()).isEqualTo(Instant.parse("2009-08-01T10:00:00Z"));
  }

  @Test
  void theStartIsTheFirstPointsTimeNotWhenTheFileWasWritten() {
    // as FitTrackee's gpx_file_with_gpxtpx_extensions: written (or its route drawn) nine months
    // before the activity was recorded
    ParsedActivity activity =
        files.read(
            gpx(
                """
        <metadata><time>2017-06-07T12:55:10.000Z</time></metadata>
        <trk><trkseg>
          <trkpt lat="44.68095" lon="6.07367"><ele>998</ele><time>2018-03-13T12:44:45Z</time></trkpt>
          <trkpt lat="44.68091" lon="6.07367"><ele>998</ele><time>2018-03-13T12:44:50Z</time></trkpt>
        </trkseg></trk>"""));

    assertThat(activity.startTime()).isEqualTo(Instant.parse("2018-03-13T12:44:45Z"));
  }

  @Test
  void eachTrackSegmentIsItsOwnSegment() {
    ParsedActivity activity =
        files.read(
            gpx(
                """
        <trk><trkseg>
          <trkpt lat="45" lon="5"><time>2026-05-01T06:00:00Z</time></trkpt>
          <trkpt lat="45.001" lon="5"><time>2026-05-01T06:00:30Z</time></trkpt>
        </trkseg><trkseg>
          <trkpt lat="45.01" lon="5"><time>2026-05-01T06:30:00Z</time></trkpt>
        </trkseg></trk>"""));

    assertThat(activity.track().segment(1)).isNotEqualTo(activity.track().segment(2));
  }

  @Test
  void toleratesWhitespaceAndAByteOrderMarkBeforeTheXmlDeclaration() {
    byte[] content =
        gpx(
            "<trk><trkseg><trkpt lat=\"1\" lon=\"1\"><time>2026-05-01T06:00:00Z</time></trkpt></trkseg></trk>");
    byte[] padded = new byte[content.length + 5];
    padded[0] = (byte) 0xEF;
    padded[1] = (byte) 0xBB;
    padded[2] = (byte) 0xBF;
    padded[3] = '\n';
    padded[4] = ' ';
    System.arraycopy(content, 0, padded, 5, content.length);

    assertThat(files.read(padded).track().size()).isEqualTo(1);
  }

  @Test
  void refusesExternalEntitiesWithoutReadingThem() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <gpx version="1.1" creator="x"><trk><name>&secret;</name></trk></gpx>""";

    assertThatThrownBy(() -> files.read(xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("DTD")
        .hasMessageNotContaining("root:");
  }

  @Test
  void refusesAnEntityExpansionBombQuickly() {
    StringBuilder bomb =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a0 \"ha\">");
    for (int i = 1; i <= 30; i++) {
      bomb.append("<!ENTITY a")
          .append(i)
          .append(" \"&a")
          .append(i - 1)
          .append(";&a")
          .append(i - 1)
          .append(";\">");
    }
    bomb.append("]><gpx><trk><name>&a30;</name></trk></gpx>");
    long started = System.nanoTime();

    assertThatThrownBy(() -> files.read(bomb.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableFileException.class);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void aTruncatedFileFailsWithTheLineWhereItBroke() {
    byte[] whole = ActivityFixtures.copied("gpxgo_file.gpx");
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> files.read(truncated))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("not well-formed");
  }

  @Test
  void aRouteWithoutTimesIsNotAnActivity() {
    assertThatThrownBy(() -> files.read(gpx("<rte><rtept lat=\"1\" lon=\"1\"/></rte>")))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("no track points with a time");
  }

  @Test
  void tooManyPointsFailInsteadOfFillingMemory() {
    StringBuilder points = new StringBuilder("<trk><trkseg>");
    for (int i = 0; i < 20; i++) {
      points
          .append("<trkpt lat=\"1\" lon=\"1\"><time>2026-05-01T06:00:")
          .append(String.format("%02d", i))
          .append("Z</time></trkpt>");
    }
    points.append("</trkseg></trk>");

    assertThatThrownBy(() -> new ActivityFiles(new Limits(10, 10)).read(gpx(points.toString())))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("more than 10 track points");
  }

  static byte[] gpx(String body) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><gpx version=\"1.1\" creator=\"test\""
            + " xmlns=\"http://www.topografix.com/GPX/1/1\""
            + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
            + body
            + "</gpx>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
