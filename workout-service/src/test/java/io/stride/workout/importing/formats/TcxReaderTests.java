package io.stride.workout.importing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TcxReaderTests {

  private static final String TCX =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
          xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
        <Activities><Activity Sport="Running">
          <Id>2026-04-01T07:00:00Z</Id>
          <Lap StartTime="2026-04-01T07:00:00Z">
            <TotalTimeSeconds>20</TotalTimeSeconds><DistanceMeters>61</DistanceMeters>
            <Calories>5</Calories><AverageHeartRateBpm><Value>141</Value></AverageHeartRateBpm>
            <MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm>
            <Track>
              <Trackpoint><Time>2026-04-01T07:00:00Z</Time>
                <Position><LatitudeDegrees>46.0</LatitudeDegrees><LongitudeDegrees>6.0</LongitudeDegrees></Position>
                <AltitudeMeters>400</AltitudeMeters><DistanceMeters>0</DistanceMeters>
                <HeartRateBpm><Value>130</Value></HeartRateBpm>
                <Extensions><ns3:TPX><ns3:Speed>3.1</ns3:Speed><ns3:RunCadence>88</ns3:RunCadence><ns3:Watts>310</ns3:Watts></ns3:TPX></Extensions>
              </Trackpoint>
              <Trackpoint><Time>2026-04-01T07:00:10Z</Time><DistanceMeters>30</DistanceMeters>
                <HeartRateBpm><Value>150</Value></HeartRateBpm></Trackpoint>
            </Track>
          </Lap>
          <Lap StartTime="2026-04-01T07:05:00Z">
            <TotalTimeSeconds>10</TotalTimeSeconds><DistanceMeters>31</DistanceMeters><MaximumSpeed>3.9</MaximumSpeed><Calories>3</Calories>
            <Track>
              <Trackpoint><Time>2026-04-01T07:05:00Z</Time><DistanceMeters>30</DistanceMeters></Trackpoint>
              <Trackpoint><Time>2026-04-01T07:05:10Z</Time><DistanceMeters>61</DistanceMeters></Trackpoint>
            </Track>
          </Lap>
          <Creator><Name>Forerunner 255</Name><UnitId>3391234567</UnitId></Creator>
        </Activity></Activities>
      </TrainingCenterDatabase>""";

  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  @Test
  void readsLapsTrackPointsAndTheActivityExtension() {
    ParsedActivity activity = files.read(TCX.getBytes(StandardCharsets.UTF_8));

    assertThat(activity.format()).isEqualTo("tcx");
    assertThat(activity.sport()).isEqualTo(Sport.RUN);
    assertThat(activity.startTime()).isEqualTo(Instant.parse("2026-04-01T07:00:00Z"));
    assertThat(activity.track().size()).isEqualTo(4);
    assertThat(activity.track().value(Channel.LATITUDE, 0)).isEqualTo(46.0);
    assertThat(activity.track().value(Channel.CADENCE, 0)).isEqualTo(88);
    assertThat(activity.track().value(Channel.POWER, 0)).isEqualTo(310);
    assertThat(activity.track().value(Channel.SPEED, 0)).isEqualTo(3.1);
    assertThat(activity.track().value(Channel.HEART_RATE, 1)).isEqualTo(150);
    assertThat(activity.laps()).hasSize(2);
    assertThat(activity.laps().get(0).averageHeartRate()).isEqualTo(141);
    assertThat(activity.laps().get(0).distanceMeters()).isEqualTo(61);
  }

  @Test
  void theDeviceTotalsAreTheSumOfItsLapsAndEachTrackIsASegment() {
    ParsedActivity activity = files.read(TCX.getBytes(StandardCharsets.UTF_8));

    assertThat(activity.deviceTotals().timerSeconds()).isEqualTo(30);
    assertThat(activity.deviceTotals().distanceMeters()).isEqualTo(92);
    assertThat(activity.deviceTotals().calories()).isEqualTo(8);
    assertThat(activity.deviceTotals().maxHeartRate()).isEqualTo(150);
    assertThat(activity.deviceTotals().maxSpeed()).isEqualTo(3.9);
    assertThat(activity.deviceTotals().averageSpeed()).isCloseTo(92 / 30.0, within(1e-9));
    assertThat(activity.track().segment(1)).isNotEqualTo(activity.track().segment(2));
    assertThat(activity.device().serialNumber()).isEqualTo("3391234567");
    assertThat(activity.device().name()).as("what to show a person").isEqualTo("Forerunner 255");
  }

  @Test
  void theLapExtensionGivesTheDevicesSpeedCadencePowerAndSteps() {
    String tcx =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
            xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
          <Activities><Activity Sport="Running">
            <Id>2026-04-01T07:00:00Z</Id>
            <Lap StartTime="2026-04-01T07:00:00Z">
              <TotalTimeSeconds>300</TotalTimeSeconds><DistanceMeters>1000</DistanceMeters>
              <MaximumSpeed>4.1</MaximumSpeed><AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>
              <Extensions><ns3:LX><ns3:AvgSpeed>3.33</ns3:AvgSpeed><ns3:AvgRunCadence>84</ns3:AvgRunCadence>
                <ns3:MaxRunCadence>92</ns3:MaxRunCadence><ns3:Steps>840</ns3:Steps>
                <ns3:AvgWatts>250</ns3:AvgWatts><ns3:MaxWatts>400</ns3:MaxWatts></ns3:LX></Extensions>
            </Lap>
            <Lap StartTime="2026-04-01T07:05:00Z">
              <TotalTimeSeconds>100</TotalTimeSeconds><DistanceMeters>200</DistanceMeters>
              <MaximumSpeed>2.5</MaximumSpeed><AverageHeartRateBpm><Value>120</Value></AverageHeartRateBpm>
              <Extensions><ns3:LX><ns3:AvgSpeed>2.0</ns3:AvgSpeed><ns3:AvgRunCadence>76</ns3:AvgRunCadence>
                <ns3:MaxRunCadence>80</ns3:MaxRunCadence><ns3:Steps>254</ns3:Steps>
                <ns3:AvgWatts>150</ns3:AvgWatts><ns3:MaxWatts>180</ns3:MaxWatts></ns3:LX></Extensions>
            </Lap>
          </Activity></Activities>
        </TrainingCenterDatabase>""";

    ParsedActivity.DeviceTotals totals =
        files.read(tcx.getBytes(StandardCharsets.UTF_8)).deviceTotals();

    assertThat(totals.averageSpeed()).as("distance over timer time").isEqualTo(3.0);
    assertThat(totals.maxSpeed()).isEqualTo(4.1);
    assertThat(totals.averageHeartRate()).as("weighted by lap time").isEqualTo(135);
    assertThat(totals.averageCadence()).as("(84 * 300 + 76 * 100) / 400").isEqualTo(82);
    assertThat(totals.maxCadence()).isEqualTo(92);
    assertThat(totals.averagePower()).as("(250 * 300 + 150 * 100) / 400").isEqualTo(225);
    assertThat(totals.maxPower()).isEqualTo(400);
    assertThat(totals.totalStrides()).as("1094 steps, one foot's strides").isEqualTo(547);
  }

  @Test
  void polarFlowsMaximumSpeedIsReadAsKilometresPerHour() {
    String tcx =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
          <Activities><Activity Sport="Running"><Id>2016-09-12T11:19:55.000Z</Id>
            <Lap StartTime="2016-09-12T11:19:55.000Z"><TotalTimeSeconds>402.0</TotalTimeSeconds>
              <DistanceMeters>1000.0</DistanceMeters><MaximumSpeed>10.8</MaximumSpeed>
              <Intensity>Active</Intensity><Cadence>82</Cadence><TriggerMethod>Distance</TriggerMethod>
            </Lap>
          </Activity></Activities>
          <Author><Name>Polar Flow Mobile Viewer</Name></Author>
        </TrainingCenterDatabase>""";

    ParsedActivity.DeviceTotals totals =
        files.read(tcx.getBytes(StandardCharsets.UTF_8)).deviceTotals();

    assertThat(totals.maxSpeed()).as("10.8 km/h, not 38.9 km/h").isCloseTo(3.0, within(1e-9));
    assertThat(totals.averageCadence()).as("the lap's own Cadence").isEqualTo(82);
  }
}
