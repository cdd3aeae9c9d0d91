package io.stride.workout.importing;

import com.garmin.fit.DateTime;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;

/** FIT files written with Garmin's own encoder: an indoor ride with no position at all. */
final class IndoorFitFiles {

  private IndoorFitFiles() {}

  /** {@code seconds} of trainer riding at 8 m/s, 200 W, 90 rpm, heart rate 140, no GPS. */
  static byte[] indoorRide(Instant start, int seconds) throws IOException {
    File file = Files.createTempFile("indoor", ".fit").toFile();
    try {
      FileEncoder encoder = new FileEncoder(file, Fit.ProtocolVersion.V2_0);
      FileIdMesg id = new FileIdMesg();
      id.setType(com.garmin.fit.File.ACTIVITY);
      id.setManufacturer(Manufacturer.DEVELOPMENT);
      id.setProduct(1);
      id.setSerialNumber(424242L);
      id.setTimeCreated(new DateTime(start));
      encoder.write(id);
      for (int s = 0; s <= seconds; s++) {
        RecordMesg record = new RecordMesg();
        record.setTimestamp(new DateTime(start.plusSeconds(s)));
        record.setDistance(8f * s);
        record.setSpeed(8f);
        record.setPower(200);
        record.setCadence((short) 90);
        record.setHeartRate((short) 140);
        encoder.write(record);
      }
      SessionMesg session = new SessionMesg();
      session.setStartTime(new DateTime(start));
      session.setSport(Sport.CYCLING);
      session.setSubSport(SubSport.INDOOR_CYCLING);
      session.setTotalElapsedTime((float) seconds);
      session.setTotalTimerTime((float) seconds);
      session.setTotalDistance(8f * seconds);
      session.setTotalCalories(seconds / 5);
      encoder.write(session);
      encoder.close();
      return Files.readAllBytes(file.toPath());
    } finally {
      Files.deleteIfExists(file.toPath());
    }
  }
}
