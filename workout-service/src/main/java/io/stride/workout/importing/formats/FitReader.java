package io.stride.workout.importing.formats;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.MesgListener;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SubSport;
import com.garmin.fit.TimestampCorrelationMesg;
import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.Track;
import io.stride.workout.metrics.Track.Channel;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * FIT activity files through Garmin's FIT SDK: the file's CRC is checked first (a damaged or
 * truncated file is refused, not half-imported), then record messages become the track, timer stop
 * events start a new segment, lap messages become laps and the first session message gives the
 * sport and the device's own totals.
 */
final class FitReader {

  private static final double SEMICIRCLES_TO_DEGREES = 180.0 / (1L << 31);

  private final Limits limits;

  FitReader(Limits limits) {
    this.limits = limits;
  }

  ParsedActivity read(byte[] content, ZoneId athleteZone) {
    try {
      return decode(content, athleteZone);
    } catch (FitRuntimeException e) {
      // only a file that failed gets the separate (slow) CRC pass, for a precise reason
      throw new UnreadableFileException(
          crcMatches(content)
              ? "The FIT file cannot be decoded: it is damaged or not an activity file."
              : "The FIT file fails its integrity check (bad CRC): it is damaged or truncated.",
          e);
    }
  }

  private static boolean crcMatches(byte[] content) {
    try {
      return new Decode().checkFileIntegrity(new ByteArrayInputStream(content));
    } catch (FitRuntimeException unreadable) {
      return false;
    }
  }

  /**
   * One pass over the file: the decoder checks the file CRC as it reads and throws at the end if it
   * does not match, before anything is stored. Only the six message types used here become typed
   * messages.
   */
  private ParsedActivity decode(byte[] content, ZoneId athleteZone) {
    Track.Builder track = Track.builder();
    List<ParsedActivity.Lap> laps = new ArrayList<>();
    SessionMesg[] session = {null};
    FileIdMesg[] fileId = {null};
    DeviceInfoMesg[] creator = {null};
    SystemClock clock = new SystemClock();
    MesgListener listener =
        mesg -> {
          switch (mesg.getNum()) {
            case MesgNum.RECORD -> {
              addRecord(track, new RecordMesg(mesg));
              limits.checkPoints(track.size());
            }
            case MesgNum.EVENT -> {
              EventMesg event = new EventMesg(mesg);
              if (event.getEvent() == Event.TIMER
                  && (event.getEventType() == EventType.STOP_ALL
                      || event.getEventType() == EventType.STOP)) {
                track.newSegment();
              }
            }
            case MesgNum.LAP -> {
              laps.add(toLap(new LapMesg(mesg)));
              limits.checkLaps(laps.size());
            }
            case MesgNum.SESSION -> {
              if (session[0] == null) {
                session[0] = new SessionMesg(mesg);
              }
            }
            case MesgNum.FILE_ID -> {
              if (fileId[0] == null) {
                fileId[0] = new FileIdMesg(mesg);
              }
            }
            case MesgNum.TIMESTAMP_CORRELATION ->
                clock.correlate(new TimestampCorrelationMesg(mesg));
            case MesgNum.ACTIVITY -> clock.activity(new ActivityMesg(mesg));
            case MesgNum.DEVICE_INFO -> {
              DeviceInfoMesg info = new DeviceInfoMesg(mesg);
              if (creator[0] == null
                  && info.getDeviceIndex() != null
                  && info.getDeviceIndex() == 0) {
                creator[0] = info;
              }
            }
            default -> {}
          }
        };
    new Decode().read(new ByteArrayInputStream(content), listener);

    Track built = track.build();
    Instant start = startTime(built, session[0], laps);
    if (start == null) {
      throw new UnreadableFileException(
          "The FIT file holds no activity: no records, laps or session with a time.");
    }
    if (SystemClock.isSystemTime(start.toEpochMilli())) {
      long shift = clock.correctionMillis(start, athleteZone);
      // only the times written before the device had a clock; later ones are UTC already
      try {
        built = built.withTimes(t -> SystemClock.isSystemTime(t) ? t + shift : t);
      } catch (IllegalArgumentException e) {
        throw new UnreadableFileException(
            "The FIT file's times from before the device set its clock do not line up with the"
                + " times after it: when its points were recorded is unknown.",
            e);
      }
      start = start.plusMillis(shift);
      laps.replaceAll(lap -> SystemClock.shifted(lap, shift));
    }
    SessionMesg s = session[0];
    Sport sport = s == null ? null : sport(s.getSport(), s.getSubSport());
    return new ParsedActivity(
        "fit",
        sport,
        null,
        start,
        device(fileId[0], creator[0]),
        built,
        List.copyOf(laps),
        s == null ? ParsedActivity.DeviceTotals.NONE : totals(s, sport));
  }

  private static void addRecord(Track.Builder track, RecordMesg record) {
    Instant time = instant(record.getTimestamp());
    if (time == null) {
      return;
    }
    track.point(time.toEpochMilli());
    Integer lat = record.getPositionLat();
    Integer lon = record.getPositionLong();
    if (lat != null && lon != null) {
      track.set(Channel.LATITUDE, lat * SEMICIRCLES_TO_DEGREES);
      track.set(Channel.LONGITUDE, lon * SEMICIRCLES_TO_DEGREES);
    }
    track.set(Channel.ALTITUDE, first(record.getEnhancedAltitude(), record.getAltitude()));
    track.set(Channel.DISTANCE, number(record.getDistance()));
    track.set(Channel.SPEED, first(record.getEnhancedSpeed(), record.getSpeed()));
    track.set(Channel.HEART_RATE, number(record.getHeartRate()));
    track.set(Channel.CADENCE, number(record.getCadence()));
    track.set(Channel.POWER, number(record.getPower()));
    track.set(Channel.TEMPERATURE, number(record.getTemperature()));
  }

  private static Instant startTime(
      Track track, SessionMesg session, List<ParsedActivity.Lap> laps) {
    if (session != null && instant(session.getStartTime()) != null) {
      return instant(session.getStartTime());
    }
    if (!track.isEmpty()) {
      return Instant.ofEpochMilli(track.timeMillis(0));
    }
    return laps.isEmpty() ? null : laps.get(0).startTime();
  }

  private static ParsedActivity.Lap toLap(LapMesg lap) {
    return new ParsedActivity.Lap(
        instant(lap.getStartTime()),
        boxed(lap.getTotalElapsedTime()),
        boxed(lap.getTotalTimerTime()),
        boxed(lap.getTotalDistance()),
        lap.getTotalCalories(),
        integer(lap.getAvgHeartRate()),
        integer(lap.getMaxHeartRate()));
  }

  private static ParsedActivity.DeviceTotals totals(SessionMesg s, Sport sport) {
    Sport.Family family = sport == null ? Sport.Family.OTHER : sport.family();
    Long cycles = s.getTotalCycles();
    Double elapsed = boxed(s.getTotalElapsedTime());
    Double timer = boxed(s.getTotalTimerTime());
    return new ParsedActivity.DeviceTotals(
        elapsed,
        timer,
        boxed(s.getTotalDistance()),
        s.getTotalAscent() == null ? null : s.getTotalAscent().doubleValue(),
        s.getTotalDescent() == null ? null : s.getTotalDescent().doubleValue(),
        s.getTotalCalories(),
        integer(s.getAvgHeartRate()),
        integer(s.getMaxHeartRate()),
        either(s.getEnhancedAvgSpeed(), s.getAvgSpeed()),
        either(s.getEnhancedMaxSpeed(), s.getMaxSpeed()),
        integer(s.getAvgCadence()),
        integer(s.getMaxCadence()),
        s.getAvgPower(),
        s.getMaxPower(),
        either(s.getEnhancedMinAltitude(), s.getMinAltitude()),
        either(s.getEnhancedMaxAltitude(), s.getMaxAltitude()),
        family == Sport.Family.RUNNING || family == Sport.Family.ON_FOOT ? cycles : null,
        family == Sport.Family.WATER ? cycles : null,
        ParsedActivity.DeviceTotals.pause(elapsed, timer));
  }

  private static ParsedActivity.Device device(FileIdMesg id, DeviceInfoMesg info) {
    Integer manufacturer = id != null ? id.getManufacturer() : null;
    Integer product = id != null ? id.getProduct() : null;
    Long serial = id != null ? id.getSerialNumber() : null;
    String productName = id != null ? id.getProductName() : null;
    if (info != null) {
      manufacturer = manufacturer != null ? manufacturer : info.getManufacturer();
      product = product != null ? product : info.getProduct();
      serial = serial != null ? serial : info.getSerialNumber();
      productName = productName != null ? productName : info.getProductName();
    }
    return new ParsedActivity.Device(
        manufacturer == null ? null : Manufacturer.getStringFromValue(manufacturer),
        product == null ? null : product.toString(),
        serial == null ? null : serial.toString(),
        DeviceNames.fit(manufacturer, product, productName));
  }

  static Sport sport(com.garmin.fit.Sport sport, SubSport sub) {
    if (sport == null) {
      return null;
    }
    return switch (sport) {
      case RUNNING -> sub == SubSport.TRAIL ? Sport.TRAIL_RUN : Sport.RUN;
      case CYCLING, E_BIKING ->
          switch (sub == null ? SubSport.GENERIC : sub) {
            case MOUNTAIN, DOWNHILL, E_BIKE_MOUNTAIN -> Sport.MOUNTAIN_BIKE;
            case INDOOR_CYCLING, SPIN, VIRTUAL_ACTIVITY -> Sport.INDOOR_RIDE;
            default -> Sport.RIDE;
          };
      case WALKING -> Sport.WALK;
      case HIKING -> Sport.HIKE;
      case SWIMMING -> Sport.SWIM;
      case ROWING -> Sport.ROWING;
      case TRAINING ->
          sub == SubSport.YOGA
              ? Sport.YOGA
              : sub == SubSport.STRENGTH_TRAINING ? Sport.STRENGTH : Sport.OTHER;
      case FITNESS_EQUIPMENT ->
          sub == SubSport.INDOOR_CYCLING
              ? Sport.INDOOR_RIDE
              : sub == SubSport.INDOOR_ROWING ? Sport.ROWING : Sport.OTHER;
      default -> Sport.OTHER;
    };
  }

  private static Instant instant(DateTime time) {
    return time == null ? null : time.getDate().toInstant();
  }

  private static double first(Float preferred, Float fallback) {
    return preferred != null ? preferred : number(fallback);
  }

  private static double number(Number value) {
    return value == null ? Double.NaN : value.doubleValue();
  }

  /** The enhanced (32-bit) field when the device wrote it, else the 16-bit one; null if neither. */
  private static Double either(Float enhanced, Float plain) {
    return boxed(enhanced != null ? enhanced : plain);
  }

  private static Double boxed(Float value) {
    return value == null ? null : value.doubleValue();
  }

  private static Integer integer(Short value) {
    return value == null ? null : value.intValue();
  }
}
