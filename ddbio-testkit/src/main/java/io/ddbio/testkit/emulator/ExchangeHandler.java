package io.ddbio.testkit.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one HTTP exchange: reads the request, injects the faults drawn for it, and otherwise
 * answers what the {@link Router} says.
 */
final class ExchangeHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);

  private final Supplier<FaultDice> dice;
  private final FaultCounts faultCounts;
  private final Router router;

  /**
   * @param dice the dice of the fault plan in force, read for each request
   */
  ExchangeHandler(Supplier<FaultDice> dice, FaultCounts faultCounts, Router router) {
    this.dice = dice;
    this.faultCounts = faultCounts;
    this.router = router;
  }

  @Override
  public void handle(HttpExchange exchange) {
    // Closing an exchange that was never answered closes its connection: that is how a
    // CONNECTION_RESET fault, or an emulator shutting down mid-request, drops the client.
    try (exchange) {
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              Forwarder.forwardable(exchange.getRequestHeaders()),
              exchange.getRequestBody().readAllBytes(),
              exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      FaultDice.Draw draw = dice.get().draw();
      if (draw.delayNanos() > 0) {
        faultCounts.add(Fault.LATENCY);
        TimeUnit.NANOSECONDS.sleep(draw.delayNanos());
      }
      if (draw.failure() != null) {
        faultCounts.add(draw.failure());
      }
      if (draw.failure() == Fault.CONNECTION_RESET) {
        return;
      }
      Answer answer;
      if (draw.failure() == Fault.INTERNAL_SERVER_ERROR) {
        answer =
            ErrorAnswers.internalServerError(
                "Internal server error (injected by the capacity emulator)");
      } else if (draw.failure() == Fault.SERVICE_UNAVAILABLE) {
        answer = ErrorAnswers.serviceUnavailable();
      } else if (draw.failure() == Fault.THROTTLED) {
        answer = ErrorAnswers.throughputExceeded();
      } else {
        answer = routed(request);
      }
      send(exchange, answer);
    } catch (InterruptedException e) {
      // The emulator is closing; the exchange is closed unanswered.
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug(
          "Lost the client of {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
    }
  }

  /** The router's answer, or an HTTP 500 saying why there is none. */
  private Answer routed(Request request) {
    try {
      return router.answer(request);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot answer {} through DynamoDB Local", request.target(), e);
      return ErrorAnswers.internalServerError(
          "The capacity emulator could not get an answer from DynamoDB Local: " + e);
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    answer.headers().forEach(exchange.getResponseHeaders()::put);
    byte[] body = answer.body();
    // -1 tells the server there is no body at all; 0 would mean chunked.
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
