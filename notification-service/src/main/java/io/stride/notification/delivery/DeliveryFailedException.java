package io.stride.notification.delivery;

/**
 * A send that failed in a way a later try may mend (the receiving service is down, busy or out of
 * reach). Its message is kept as the delivery's last error and logged: it names the failure (e.g.
 * "push service answered 503"), never an address, token or key.
 */
public class DeliveryFailedException extends RuntimeException {

  public DeliveryFailedException(String message) {
    super(message);
  }

  public DeliveryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
