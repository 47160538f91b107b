/*
 * An OpenAI-compatible chat-completions endpoint with a fixed latency and a fixed number of slots, for
 * bench/runner.ts (bench/latencyFixture.ts compiles it, starts it and falls back to bench/latencyServer.ts
 * when it cannot).
 *
 *   latencyServer LATENCY_MS SLOTS
 *
 * Listens on a free port of 127.0.0.1 and prints that port on stdout. Every request (method and path are not
 * looked at, as in the Node fixture) is answered with the same chat.completion, with a unique id, LATENCY_MS
 * after its last byte arrived if one of the SLOTS slots is free; otherwise it waits in a FIFO queue and its
 * LATENCY_MS start when a slot frees. Each line read on stdin makes it print "served meanLatencyMs spanMs"
 * (answers since the previous line, their mean hold in ms, ms from the first request to the last answer) and
 * reset those counters; end of file on stdin makes it exit, so it never outlives the process that started it.
 *
 * Why C: the Node fixture's timers have 1 ms granularity and fire in batches, and its HTTP server costs
 * enough per answer that, at 3,200 answers a second on two cores, answers leave in bunches; a client that
 * does nothing reaches only about 90% of the ceiling (slots / latency). Here one thread waits in epoll on
 * the sockets and on one timerfd armed at an absolute deadline in nanoseconds: holds last about
 * LATENCY_MS + 0.1 ms and a do-nothing client reaches about 95%.
 *
 * Every hold lasts the same time and holds start in time order, so they end in the order they started: the
 * holds in progress are a FIFO and the timer only ever needs the oldest one's deadline. The same order keeps
 * the answers on a connection in the order of its requests, as HTTP/1.1 pipelining requires.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

enum {
  READ_CHUNK = 16 * 1024,
  MAX_HEADER_BYTES = 64 * 1024,  /* a request whose headers do not end by then is refused */
  MAX_BODY_BYTES = 64 * 1024 * 1024,
  MAX_EVENTS = 256,
};

/* The answer's body; a literal so that the compiler checks the format against its argument (the id). */
#define COMPLETION_FORMAT \
    "{\"id\":\"chatcmpl-%llu\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"bench-model\"," \
    "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"The patient is high risk.\\nAnswer: B\"}," \
    "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":9,\"total_tokens\":129}}"

static void die(const char *what) {
  fprintf(stderr, "latencyServer: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void *reallocOrDie(void *memory, size_t size) {
  void *grown = realloc(memory, size);
  if (!grown) die("out of memory");
  return grown;
}

/* ---- growable byte buffers: what a connection has received and not parsed yet, or has to send still ---- */

typedef struct {
  char *data;
  size_t length, capacity;
} Bytes;

static void reserve(Bytes *bytes, size_t extra) {
  if (bytes->capacity - bytes->length >= extra) return;
  size_t capacity = bytes->capacity ? bytes->capacity : READ_CHUNK;
  while (capacity - bytes->length < extra) capacity *= 2;
  bytes->data = reallocOrDie(bytes->data, capacity);
  bytes->capacity = capacity;
}

static void append(Bytes *bytes, const char *data, size_t length) {
  reserve(bytes, length);
  memcpy(bytes->data + bytes->length, data, length);
  bytes->length += length;
}

static void consume(Bytes *bytes, size_t length) {
  memmove(bytes->data, bytes->data + length, bytes->length - length);
  bytes->length -= length;
}

static void release(Bytes *bytes) {
  free(bytes->data);
  *bytes = (Bytes){0};
}

/* ---- connections, indexed by file descriptor ---- */

/*
 * `generation` counts the connections that have had this descriptor, so that a hold that outlives its
 * connection (the client gave up) is recognised as stale instead of answering whichever later connection
 * the kernel gave the same descriptor number.
 */
typedef struct {
  bool open;
  uint64_t generation;
  Bytes received, unsent;
} Connection;

static Connection *connections;
static size_t connectionCapacity;
static int epollFd, timerFd, listenFd;

static Connection *connectionFor(int fd) {
  if ((size_t)fd >= connectionCapacity) {
    size_t capacity = connectionCapacity ? connectionCapacity : 64;
    while (capacity <= (size_t)fd) capacity *= 2;
    connections = reallocOrDie(connections, capacity * sizeof *connections);
    memset(connections + connectionCapacity, 0, (capacity - connectionCapacity) * sizeof *connections);
    connectionCapacity = capacity;
  }
  return &connections[fd];
}

static void watch(int fd, uint32_t events, int operation) {
  struct epoll_event event = {.events = events, .data.fd = fd};
  if (epoll_ctl(epollFd, operation, fd, &event) < 0) die("epoll_ctl");
}

static void closeConnection(int fd) {
  Connection *connection = &connections[fd];
  close(fd); /* also removes it from the epoll set */
  connection->open = false;
  connection->generation++;
  release(&connection->received);
  release(&connection->unsent);
}

static void acceptConnections(void) {
  for (;;) {
    int fd = accept4(listenFd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return;
      if (errno == EINTR || errno == ECONNABORTED) continue;
      die("accept"); /* e.g. out of descriptors: fail loudly rather than spin on a listener that stays ready */
    }
    /* Each answer goes out in one send; Nagle would hold back a pipelined answer until the previous one is acknowledged. */
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    Connection *connection = connectionFor(fd);
    connection->open = true;
    watch(fd, EPOLLIN, EPOLL_CTL_ADD);
  }
}

/* Sends what the socket takes now and keeps the rest, in order, until epoll says it can take more. */
static void transmit(int fd, const char *data, size_t length) {
  Connection *connection = &connections[fd];
  size_t sent = 0;
  if (connection->unsent.length == 0) {
    ssize_t written = send(fd, data, length, MSG_NOSIGNAL);
    if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      closeConnection(fd); /* the client has gone */
      return;
    }
    sent = written < 0 ? 0 : (size_t)written;
    if (sent == length) return;
    watch(fd, EPOLLIN | EPOLLOUT, EPOLL_CTL_MOD);
  }
  append(&connection->unsent, data + sent, length - sent);
}

static void flushUnsent(int fd) {
  Connection *connection = &connections[fd];
  if (connection->unsent.length > 0) {
    ssize_t written = send(fd, connection->unsent.data, connection->unsent.length, MSG_NOSIGNAL);
    if (written < 0) {
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) closeConnection(fd);
      return;
    }
    consume(&connection->unsent, (size_t)written);
  }
  if (connection->unsent.length == 0) watch(fd, EPOLLIN, EPOLL_CTL_MOD);
}

/* ---- holds: requests in a slot until their deadline, or waiting for a slot ---- */

typedef struct {
  int fd;
  uint64_t generation; /* of the connection when the request arrived */
  int64_t startNs;     /* when it got its slot */
} Hold;

/* A FIFO that grows rather than overflows. */
typedef struct {
  Hold *items;
  size_t head, count, capacity;
} HoldQueue;

static HoldQueue holding; /* one hold per busy slot, oldest (so earliest deadline) first */
static HoldQueue waiting; /* requests that found every slot busy, in arrival order */
static size_t slots;
static int64_t latencyNs;
static unsigned long long answered; /* never reset: it numbers the answers' ids */

/* What was served since the last report on stdin. */
static unsigned long long served;
static int64_t holdNsTotal, firstRequestNs = -1, lastAnswerNs;

static void push(HoldQueue *queue, Hold hold) {
  if (queue->count == queue->capacity) {
    size_t capacity = queue->capacity ? queue->capacity * 2 : 256;
    Hold *items = reallocOrDie(NULL, capacity * sizeof *items);
    for (size_t i = 0; i < queue->count; i++) items[i] = queue->items[(queue->head + i) % queue->capacity];
    free(queue->items);
    *queue = (HoldQueue){.items = items, .head = 0, .count = queue->count, .capacity = capacity};
  }
  queue->items[(queue->head + queue->count++) % queue->capacity] = hold;
}

static Hold pop(HoldQueue *queue) {
  Hold hold = queue->items[queue->head];
  queue->head = (queue->head + 1) % queue->capacity;
  queue->count--;
  return hold;
}

static int64_t nowNs(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

/* Wakes the loop at the oldest hold's deadline, to the nanosecond; disarmed (all zero) when no hold is in progress. */
static void armTimer(void) {
  struct itimerspec wake = {0};
  if (holding.count > 0) {
    int64_t deadline = holding.items[holding.head].startNs + latencyNs;
    wake.it_value = (struct timespec){.tv_sec = deadline / 1000000000, .tv_nsec = deadline % 1000000000};
  }
  if (timerfd_settime(timerFd, TFD_TIMER_ABSTIME, &wake, NULL) < 0) die("timerfd_settime");
}

/* Its client closed the connection; the descriptor may even belong to another connection by now. */
static bool isStale(Hold hold) {
  const Connection *connection = &connections[hold.fd];
  return !connection->open || connection->generation != hold.generation;
}

static void startHold(Hold hold, int64_t now) {
  hold.startNs = now;
  push(&holding, hold);
  if (holding.count == 1) armTimer();
}

static void requestArrived(int fd) {
  int64_t now = nowNs();
  if (firstRequestNs < 0) firstRequestNs = now;
  Hold hold = {.fd = fd, .generation = connections[fd].generation};
  if (holding.count < slots) startHold(hold, now);
  else push(&waiting, hold);
}

/* Gives a freed slot to the oldest waiting request whose client is still there. */
static void startNextWaiting(int64_t now) {
  while (waiting.count > 0) {
    Hold next = pop(&waiting);
    if (!isStale(next)) {
      startHold(next, now);
      return;
    }
  }
}

static void answer(int fd) {
  char body[512], response[1024];
  int bodyLength = snprintf(body, sizeof body, COMPLETION_FORMAT, ++answered);
  int responseLength = snprintf(response, sizeof response,
                                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
                                "connection: keep-alive\r\n\r\n%s",
                                bodyLength, body);
  transmit(fd, response, (size_t)responseLength);
}

/*
 * A hold still in a slot when its client leaves keeps the slot to its deadline, as an upstream that does not
 * notice the disconnect would; it is just not answered (nor counted as served).
 */
static void answerDueHolds(void) {
  uint64_t expirations;
  if (read(timerFd, &expirations, sizeof expirations) < 0 && errno != EAGAIN) die("read timerfd");
  int64_t now = nowNs();
  while (holding.count > 0 && holding.items[holding.head].startNs + latencyNs <= now) {
    Hold hold = pop(&holding);
    if (!isStale(hold)) {
      answer(hold.fd);
      served++;
      holdNsTotal += now - hold.startNs;
      lastAnswerNs = now;
    }
    startNextWaiting(now);
  }
  armTimer();
}

/* ---- HTTP/1.1 requests ---- */

typedef enum { REQUEST_INCOMPLETE, REQUEST_COMPLETE, REQUEST_REFUSED } RequestStatus;

/* Whether the header line [line, end) is `name` (given with its colon, in lower case); *value follows the colon. */
static bool isHeader(const char *line, const char *end, const char *name, const char **value) {
  size_t nameLength = strlen(name);
  if ((size_t)(end - line) < nameLength || strncasecmp(line, name, nameLength) != 0) return false;
  *value = line + nameLength;
  return true;
}

/* A Content-Length value: decimal digits between optional blanks, at most MAX_BODY_BYTES. */
static bool parseContentLength(const char *value, const char *end, size_t *length) {
  while (value < end && (*value == ' ' || *value == '\t')) value++;
  while (end > value && (end[-1] == ' ' || end[-1] == '\t')) end--;
  if (value == end) return false;
  size_t parsed = 0;
  for (; value < end; value++) {
    if (*value < '0' || *value > '9') return false;
    parsed = parsed * 10 + (size_t)(*value - '0');
    if (parsed > MAX_BODY_BYTES) return false;
  }
  *length = parsed;
  return true;
}

/*
 * Looks for one whole request at the start of `data`: request line, headers, blank line, then a body of
 * Content-Length bytes. On REQUEST_COMPLETE, *length is its size; on REQUEST_REFUSED, *refusal says why.
 */
static RequestStatus parseRequest(const char *data, size_t available, size_t *length, const char **refusal) {
  const char *headersEnd = memmem(data, available, "\r\n\r\n", 4);
  if (!headersEnd) {
    if (available <= MAX_HEADER_BYTES) return REQUEST_INCOMPLETE;
    *refusal = "request headers longer than 64 KiB";
    return REQUEST_REFUSED;
  }
  const char *lineEnd = memmem(data, (size_t)(headersEnd + 2 - data), "\r\n", 2);
  if (!memmem(data, (size_t)(lineEnd - data), " HTTP/1.", 8)) {
    *refusal = "not an HTTP/1.x request line";
    return REQUEST_REFUSED;
  }
  size_t bodyLength = 0;
  for (const char *line = lineEnd + 2; line < headersEnd; line = lineEnd + 2) {
    lineEnd = memmem(line, (size_t)(headersEnd + 2 - line), "\r\n", 2);
    const char *value;
    if (isHeader(line, lineEnd, "content-length:", &value) && !parseContentLength(value, lineEnd, &bodyLength)) {
      *refusal = "a content-length that is not a number of at most 64 MiB";
      return REQUEST_REFUSED;
    }
    if (isHeader(line, lineEnd, "transfer-encoding:", &value)) {
      *refusal = "a transfer-encoding (only content-length bodies are read; the benchmarked clients send those)";
      return REQUEST_REFUSED;
    }
  }
  size_t headersLength = (size_t)(headersEnd + 4 - data);
  if (available - headersLength < bodyLength) return REQUEST_INCOMPLETE;
  *length = headersLength + bodyLength;
  return REQUEST_COMPLETE;
}

/*
 * Reads what the client sent and holds every whole request in it (several when pipelined); a partial one
 * stays in `received` for the next read. End of file closes the connection at once, as HTTP clients close
 * only when they expect no further answer.
 */
static void receive(int fd) {
  Bytes *received = &connections[fd].received;
  reserve(received, READ_CHUNK);
  ssize_t got = recv(fd, received->data + received->length, received->capacity - received->length, 0);
  if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
  if (got <= 0) {
    closeConnection(fd);
    return;
  }
  received->length += (size_t)got;
  size_t parsed = 0, length = 0;
  const char *refusal = NULL;
  for (;;) {
    RequestStatus status = parseRequest(received->data + parsed, received->length - parsed, &length, &refusal);
    if (status == REQUEST_INCOMPLETE) break;
    if (status == REQUEST_REFUSED) {
      fprintf(stderr, "latencyServer: closing a connection that sent %s\n", refusal);
      closeConnection(fd);
      return;
    }
    parsed += length;
    requestArrived(fd);
  }
  consume(received, parsed);
}

/* ---- stats on stdin, and the event loop ---- */

/* One report per line read; false at end of file, when the server should stop. */
static bool reportStats(void) {
  char lines[256];
  ssize_t got = read(STDIN_FILENO, lines, sizeof lines);
  if (got < 0 && (errno == EAGAIN || errno == EINTR)) return true;
  if (got <= 0) return false;
  for (ssize_t i = 0; i < got; i++) {
    if (lines[i] != '\n') continue;
    double meanHoldMs = served ? (double)holdNsTotal / (double)served / 1e6 : 0;
    /* Answers to requests from before the previous report can follow it; they count, but no span starts with them. */
    double spanMs = firstRequestNs >= 0 && lastAnswerNs > firstRequestNs ? (double)(lastAnswerNs - firstRequestNs) / 1e6 : 0;
    printf("%llu %.6f %.6f\n", served, meanHoldMs, spanMs);
    served = 0;
    holdNsTotal = 0;
    firstRequestNs = -1;
  }
  fflush(stdout);
  return true;
}

static void releaseEverything(void) {
  for (size_t fd = 0; fd < connectionCapacity; fd++)
    if (connections[fd].open) closeConnection((int)fd);
  free(connections);
  free(holding.items);
  free(waiting.items);
  close(listenFd);
  close(timerFd);
  close(epollFd);
}

int main(int argc, char **argv) {
  double latencyMs = argc == 3 ? strtod(argv[1], NULL) : 0;
  long slotCount = argc == 3 ? strtol(argv[2], NULL, 10) : 0;
  if (!(latencyMs > 0) || slotCount < 1) {
    fprintf(stderr, "usage: latencyServer LATENCY_MS SLOTS\n");
    return 2;
  }
  latencyNs = (int64_t)(latencyMs * 1e6);
  slots = (size_t)slotCount;

  struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)}; /* port 0: any free one */
  socklen_t addressLength = sizeof address;
  listenFd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (listenFd < 0 || bind(listenFd, (struct sockaddr *)&address, sizeof address) < 0 || listen(listenFd, SOMAXCONN) < 0 ||
      getsockname(listenFd, (struct sockaddr *)&address, &addressLength) < 0)
    die("listen");
  epollFd = epoll_create1(EPOLL_CLOEXEC);
  timerFd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (epollFd < 0 || timerFd < 0) die("epoll_create1 or timerfd_create");
  watch(listenFd, EPOLLIN, EPOLL_CTL_ADD);
  watch(timerFd, EPOLLIN, EPOLL_CTL_ADD);
  watch(STDIN_FILENO, EPOLLIN, EPOLL_CTL_ADD); /* a pipe or a terminal: epoll refuses regular files */
  printf("%d\n", ntohs(address.sin_port));
  fflush(stdout);

  struct epoll_event events[MAX_EVENTS];
  for (;;) {
    int ready = epoll_wait(epollFd, events, MAX_EVENTS, -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    for (int i = 0; i < ready; i++) {
      int fd = events[i].data.fd;
      uint32_t happened = events[i].events;
      if (fd == listenFd) acceptConnections();
      else if (fd == timerFd) answerDueHolds();
      else if (fd == STDIN_FILENO) {
        if (!reportStats()) {
          releaseEverything();
          return 0;
        }
      }
      /* An earlier event of this batch may have closed the connection; a reused descriptor just reads EAGAIN. */
      else if (connections[fd].open) {
        if (happened & EPOLLOUT) flushUnsent(fd);
        if (connections[fd].open && (happened & (EPOLLIN | EPOLLHUP | EPOLLERR))) receive(fd);
      }
    }
  }
}
