/*
** test_client.c - host/client.c against a fake agent: the VM's channel is
** one end of a socketpair; the test writes the agent's replies into the
** other end before the request (the ids are predictable), then reads what
** the client sent and checks it against the schema.
*/
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../host/client.h"
#include "unit.h"

struct fake {
  struct vm vm;
  struct client c;
  int agent;            /* the agent's end of the channel */
  uint8_t sent[1 << 16];  /* what the client sent, read so far */
  size_t len, pos;
};

static int fake_start (struct fake *f) {
  int sv[2];
  memset(f, 0, sizeof(*f));
  if (!CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0))
    return -1;
  f->vm.fd = sv[0];
  f->vm.pidfd = f->vm.qmp.fd = -1;
  f->agent = sv[1];
  f->c.vm = &f->vm;
  f->c.timeout_ms = 2000;
  return 0;
}

static void fake_stop (struct fake *f) {
  close(f->vm.fd);
  close(f->agent);
  proto_buf_free(&f->vm.out);
  free(f->vm.in);
  client_free(&f->c);
}


/* the agent's answer to request @id of @type, attributes added by the caller */
static void reply_begin (struct proto_buf *b, unsigned int type, uint32_t id) {
  proto_begin(b, type, id, 0);
}

static void reply_send (struct fake *f, struct proto_buf *b) {
  if (CHECK_EQ_INT(proto_finish(b), 0))
    CHECK_EQ_INT(write(f->agent, b->data, b->len), (ssize_t)b->len);
  proto_buf_free(b);
}

/* an empty reply to request @id */
static void reply_empty (struct fake *f, unsigned int type, uint32_t id) {
  struct proto_buf b = { 0 };
  reply_begin(&b, type, id);
  reply_send(f, &b);
}


/* The next request the client sent, decoded into @m; 0 if there is one. */
static int next_request (struct fake *f, struct proto_msg *m) {
  struct proto_hdr h;
  char err[200];
  ssize_t n;
  while ((n = recv(f->agent, f->sent + f->len, sizeof(f->sent) - f->len,
                   MSG_DONTWAIT)) > 0)
    f->len += (size_t)n;
  if (f->len - f->pos < PROTO_HDR_LEN)
    return -1;
  if (!CHECK_EQ_INT(proto_hdr_decode(f->sent + f->pos, &h), 0) ||
      !CHECK(f->len - f->pos >= PROTO_HDR_LEN + h.len))
    return -1;
  if (!CHECK_EQ_INT(proto_decode(&h, f->sent + f->pos + PROTO_HDR_LEN, m, err,
                                 sizeof(err)), 0)) {
    unit_note("%s", err);
    return -1;
  }
  f->pos += PROTO_HDR_LEN + h.len;
  return 0;
}

static int attr_is (const struct proto_msg *m, unsigned int type, const char *s,
                    size_t len) {
  return proto_has(m, type) && m->attr_len[type] == len &&
         memcmp(m->attr[type], s, len) == 0;
}

#define CHECK_ATTR(m, type, s)  CHECK(attr_is(m, type, s, sizeof(s) - 1))


static void exec_command (void) {
  static const char *const argv[] = { "/bin/echo", "a\0b" };
  static const size_t lens[] = { 9, 3 };
  struct client_cmd cmd = { .argv = argv, .argv_len = lens, .argc = 2, .in = "in", .in_len = 2 };
  struct proto_buf b = { 0 };
  struct client_exit x;
  struct proto_msg m;
  struct error e;
  struct fake f;
  if (fake_start(&f))
    return;
  reply_begin(&b, PROTO_MSG_EXEC, 1);
  proto_put_u32(&b, PROTO_A_EXIT_CODE, 3);
  proto_put_u32(&b, PROTO_A_SIGNAL, 0);
  proto_put(&b, PROTO_A_STDOUT, "out", 3);
  proto_put(&b, PROTO_A_STDERR, "", 0);
  proto_put_u64(&b, PROTO_A_STDOUT_DROPPED, 5ull << 32);
  reply_send(&f, &b);
  cmd.output_max = 3;
  cmd.has_output_max = 1;
  if (CHECK_EQ_INT(client_exec(&f.c, &cmd, 1500, &x, &e), 0)) {
    CHECK_EQ_INT(x.finished, 1);
    CHECK_EQ_INT(x.code, 3);
    CHECK_EQ_INT(x.out_len, 3);
    CHECK_MEM(x.out, "out", 3);
    CHECK_EQ_INT(x.err_len, 0);
    CHECK_EQ_INT(x.timed_out, 0);
    CHECK_EQ_U64(x.out_dropped, 5ull << 32);
    CHECK_EQ_U64(x.err_dropped, 0);
  }
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    const uint8_t *v;
    uint32_t len;
    size_t pos = 0;
    CHECK_EQ_INT(m.hdr.type, PROTO_MSG_EXEC);
    CHECK_EQ_INT(m.hdr.id, 1);
    /* ARGV repeated, in order, NULs kept */
    CHECK(proto_next(&m, PROTO_A_ARGV, &pos, &v, &len) && len == 9 &&
          !memcmp(v, "/bin/echo", 9));
    CHECK(proto_next(&m, PROTO_A_ARGV, &pos, &v, &len) && len == 3 &&
          !memcmp(v, "a\0b", 3));
    CHECK(!proto_next(&m, PROTO_A_ARGV, &pos, &v, &len));
    CHECK_ATTR(&m, PROTO_A_STDIN, "in");
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_TIMEOUT_MS, 0), 1500);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_OUTPUT_MAX, 0), 3);
    CHECK(!proto_has(&m, PROTO_A_WORKER));
  }
  /* no timeout: no TIMEOUT_MS; no stdin: no STDIN; no limit: the agent's */
  cmd.in = NULL;
  cmd.has_output_max = 0;
  reply_empty(&f, PROTO_MSG_EXEC, 2);
  CHECK_EQ_INT(client_exec(&f.c, &cmd, 0, &x, &e), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK(!proto_has(&m, PROTO_A_TIMEOUT_MS));
    CHECK(!proto_has(&m, PROTO_A_STDIN));
    CHECK(!proto_has(&m, PROTO_A_OUTPUT_MAX));
  }
  /* an empty command is refused before anything is sent */
  cmd.argc = 0;
  CHECK_EQ_INT(client_exec(&f.c, &cmd, 0, &x, &e), -1);
  CHECK_STR(e.msg, "empty command");
  CHECK_EQ_INT(next_request(&f, &m), -1);
  fake_stop(&f);
}


/* a worker's requests carry WORKER; killing it goes to the agent itself */
static void worker_routing (void) {
  struct proto_buf b = { 0 };
  struct proto_msg m;
  struct error e;
  struct fake f;
  uint32_t id = 0, pid = 0;
  if (fake_start(&f))
    return;
  reply_begin(&b, PROTO_MSG_SPAWN, 1);
  proto_put_u32(&b, PROTO_A_WORKER_ID, 4);
  proto_put_u32(&b, PROTO_A_PID, 99);
  reply_send(&f, &b);
  CHECK_EQ_INT(client_spawn(&f.c, 1, &id, &pid, &e), 0);
  CHECK_EQ_INT(id, 4);
  CHECK_EQ_INT(pid, 99);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_INT(m.hdr.type, PROTO_MSG_SPAWN);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_THREAD, 7), 1);
    CHECK(!proto_has(&m, PROTO_A_WORKER));
  }
  f.c.worker = 4;
  reply_empty(&f, PROTO_MSG_PING, 2);
  CHECK_EQ_INT(client_ping(&f.c, &e), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_INT(m.hdr.type, PROTO_MSG_PING);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_WORKER, 0), 4);
  }
  reply_empty(&f, PROTO_MSG_WORKER_KILL, 3);
  CHECK_EQ_INT(client_worker_kill(&f.c, &e), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_INT(m.hdr.type, PROTO_MSG_WORKER_KILL);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_WORKER_ID, 0), 4);
    CHECK(!proto_has(&m, PROTO_A_WORKER));
  }
  fake_stop(&f);
}


/* a CALL reply: the description's header with @ret, and @nout output buffers */
static void reply_call (struct fake *f, uint32_t id, int64_t ret, const char *out) {
  struct provium_call c = { 0 };
  struct proto_buf b = { 0 };
  c.ret = ret;
  c.kernel_ret = ret;
  c.executor = PROVIUM_EXEC_MODULE;
  reply_begin(&b, PROTO_MSG_CALL, id);
  proto_put(&b, PROTO_A_RESULT, &c, sizeof(c));
  if (out)
    proto_put(&b, PROTO_A_OUTBUF, out, strlen(out));
  proto_put(&b, PROTO_A_LOG, "kmsg", 4);
  reply_send(f, &b);
}

/* the description a CALL request carries, copied out aligned */
static int request_desc (const struct proto_msg *m, struct provium_call *c) {
  if (!CHECK(proto_has(m, PROTO_A_DESC) &&
             m->attr_len[PROTO_A_DESC] >= sizeof(*c)))
    return -1;
  memcpy(c, m->attr[PROTO_A_DESC], sizeof(*c));
  return 0;
}


static void call (void) {
  struct call_spec s;
  struct call_result r;
  struct provium_call c;
  struct proto_msg m;
  struct error e;
  struct fake f;
  if (fake_start(&f))
    return;
  memset(&s, 0, sizeof(s));
  s.nr = 0;  /* read(fd, buf, 4) */
  s.args[0] = 3;
  s.args[2] = 4;
  s.nbufs = 1;
  s.bufs[0].arg = 1;
  s.bufs[0].len = 4;
  s.bufs[0].out = 1;
  f.c.executor = PROVIUM_EXEC_USER;
  reply_call(&f, 1, 4, "data");
  if (CHECK_EQ_INT(client_call(&f.c, &s, 0, &r, &e), 0)) {
    CHECK_EQ_INT(r.ret, 4);
    CHECK_EQ_INT(r.executor, PROVIUM_EXEC_MODULE);
    CHECK_EQ_INT(r.out_len[0], 4);
    CHECK_MEM(r.out[0], "data", 4);
    CHECK_EQ_INT(r.log_len, 4);
  }
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_INT(m.hdr.type, PROTO_MSG_CALL);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_EXECUTOR, 0), PROVIUM_EXEC_USER);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_TIMEOUT_MS, 0), 2000);
    if (request_desc(&m, &c) == 0) {
      CHECK_EQ_INT(c.nbufs, 1);
      CHECK_EQ_U64(c.args[0], 3);
      CHECK_EQ_U64(c.args[2], 4);
    }
  }
  /* an executor given with the call wins over the client's */
  reply_call(&f, 2, 0, "data");
  CHECK_EQ_INT(client_call(&f.c, &s, PROVIUM_EXEC_MODULE, &r, &e), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0))
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_EXECUTOR, 0), PROVIUM_EXEC_MODULE);
  /* a bad description is an error on the host: nothing is sent */
  s.bufs[0].data = (const uint8_t *)"12345";
  s.bufs[0].data_len = 5;
  CHECK_EQ_INT(client_call(&f.c, &s, 0, &r, &e), -1);
  CHECK_STR(e.msg, "buffer 1: 5 bytes of data do not fit its length 4");
  CHECK_EQ_INT(next_request(&f, &m), -1);
  /* a reply without the output buffer */
  s.bufs[0].data_len = 0;
  reply_call(&f, 4, 0, NULL);
  CHECK_EQ_INT(client_call(&f.c, &s, 0, &r, &e), -1);
  CHECK_STR(e.msg, "CALL reply lacks output buffer 1");
  fake_stop(&f);
}


/* pipelined: every request goes out before the replies are read, in order */
static void call_batch (void) {
  enum { N = CLIENT_PIPELINE_CHUNK + 3 };  /* two chunks */
  static struct client_syscall calls[N];
  static int64_t rets[N];
  struct call_result last;
  struct proto_msg m;
  struct error e;
  struct fake f;
  int i, seen = 0, in_order = 1;
  if (fake_start(&f))
    return;
  for (i = 0; i < N; i++) {
    calls[i].nr = 39;  /* getpid */
    calls[i].args[5] = (uint64_t)i;
    reply_call(&f, (uint32_t)i + 1, 1000 + i, NULL);
  }
  if (CHECK_EQ_INT(client_call_batch(&f.c, calls, N, rets, &last, &e), 0)) {
    CHECK_EQ_INT(rets[0], 1000);
    CHECK_EQ_INT(rets[N - 1], 1000 + N - 1);
    CHECK_EQ_INT(last.ret, 1000 + N - 1);
  }
  while (next_request(&f, &m) == 0) {
    struct provium_call c;
    if (m.hdr.id != (uint32_t)seen + 1 || request_desc(&m, &c) ||
        c.nr != 39 || c.args[5] != (uint64_t)seen || c.nbufs != 0)
      in_order = 0;
    seen++;
  }
  CHECK_EQ_INT(seen, N);
  CHECK(in_order);
  fake_stop(&f);
}


static void files (void) {
  struct proto_buf b = { 0 };
  struct proto_msg m;
  struct error e;
  struct fake f;
  struct client_read whole = { .max = CLIENT_READ_MAX };
  uint8_t *data = NULL;
  size_t len = 0;
  if (fake_start(&f))
    return;
  reply_empty(&f, PROTO_MSG_WRITE_FILE, 1);
  CHECK_EQ_INT(client_write_file(&f.c, "/tmp/x", "hello", 5, 0600, &e), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_INT(m.hdr.type, PROTO_MSG_WRITE_FILE);
    CHECK_ATTR(&m, PROTO_A_PATH, "/tmp/x");
    CHECK_ATTR(&m, PROTO_A_DATA, "hello");
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_MODE, 0), 0600);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_APPEND, 9), 0);
  }
  /* an empty file is still one request: it creates the file */
  reply_empty(&f, PROTO_MSG_WRITE_FILE, 2);
  CHECK_EQ_INT(client_write_file(&f.c, "/tmp/empty", "", 0, 0644, &e), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0))
    CHECK_EQ_INT(m.attr_len[PROTO_A_DATA], 0);
  CHECK_EQ_INT(next_request(&f, &m), -1);

  /* read in chunks until EOF, each at the offset reached */
  reply_begin(&b, PROTO_MSG_READ_FILE, 3);
  proto_put(&b, PROTO_A_DATA, "hello ", 6);
  proto_put_u32(&b, PROTO_A_EOF, 0);
  reply_send(&f, &b);
  reply_begin(&b, PROTO_MSG_READ_FILE, 4);
  proto_put(&b, PROTO_A_DATA, "world", 5);
  proto_put_u32(&b, PROTO_A_EOF, 1);
  reply_send(&f, &b);
  if (CHECK_EQ_INT(client_read_file(&f.c, "/etc/x", &whole, &data, &len, &e), 0)) {
    CHECK_EQ_INT(len, 11);
    CHECK_STR((char *)data, "hello world");
  }
  free(data);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_ATTR(&m, PROTO_A_PATH, "/etc/x");
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_OFFSET, 9), 0);
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_LENGTH, 0), CLIENT_FILE_CHUNK);
  }
  if (CHECK_EQ_INT(next_request(&f, &m), 0))
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_OFFSET, 0), 6);
  fake_stop(&f);
}


/* a reply to READ_FILE @id: @n bytes of 'z', EOF, and SIZE/STREAM when not -1 */
static void reply_data (struct fake *f, uint32_t id, size_t n, int eof, int64_t size,
                        int stream) {
  struct proto_buf b = { 0 };
  uint8_t *d = calloc(1, n + 1);
  memset(d, 'z', n);
  reply_begin(&b, PROTO_MSG_READ_FILE, id);
  proto_put(&b, PROTO_A_DATA, d, n);
  proto_put_u32(&b, PROTO_A_EOF, eof);
  if (size >= 0)
    proto_put_u64(&b, PROTO_A_SIZE, (uint64_t)size);
  if (stream)
    proto_put_u32(&b, PROTO_A_STREAM, 1);
  reply_send(f, &b);
  free(d);
}


static void read_limits (void) {
  struct client_read o = { .max = 10 };
  struct proto_msg m;
  struct error e;
  struct fake f;
  uint8_t *data = NULL;
  size_t len = 0;
  if (fake_start(&f))
    return;
  /* a regular file over the limit: refused on its size, nothing more read */
  reply_data(&f, 1, 11, 0, 1 << 30, 0);
  CHECK_EQ_INT(client_read_file(&f.c, "/big", &o, &data, &len, &e), -1);
  CHECK_STR(e.msg, "read_file /big: larger than 10 bytes (pass max= or length=)");
  if (CHECK_EQ_INT(next_request(&f, &m), 0))
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_LENGTH, 0), 11);  /* max + 1 */
  CHECK_EQ_INT(next_request(&f, &m), -1);
  /* a device without a size: it fails once it gave one byte more than max */
  reply_data(&f, 2, 11, 0, -1, 0);
  CHECK_EQ_INT(client_read_file(&f.c, "/dev/zero", &o, &data, &len, &e), -1);
  CHECK_STR(e.msg, "read_file /dev/zero: larger than 10 bytes (pass max= or length=)");
  CHECK_EQ_INT(next_request(&f, &m), 0);
  CHECK_EQ_INT(next_request(&f, &m), -1);
  /* exactly max bytes is fine */
  reply_data(&f, 3, 10, 1, 10, 0);
  if (CHECK_EQ_INT(client_read_file(&f.c, "/ten", &o, &data, &len, &e), 0))
    CHECK_EQ_INT(len, 10);
  free(data);
  CHECK_EQ_INT(next_request(&f, &m), 0);
  /* length: exactly that much from offset, however large the file */
  o = (struct client_read){ .offset = 7, .length = 3, .has_length = 1, .max = 1 };
  reply_data(&f, 4, 3, 0, 1 << 30, 0);
  if (CHECK_EQ_INT(client_read_file(&f.c, "/big", &o, &data, &len, &e), 0))
    CHECK_STR((char *)data, "zzz");
  free(data);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_OFFSET, 0), 7);
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_LENGTH, 0), 3);
  }
  CHECK_EQ_INT(next_request(&f, &m), -1);
  /* a stream left open in the agent is closed by a request of length 0 */
  o = (struct client_read){ .length = 4, .has_length = 1 };
  reply_data(&f, 5, 4, 0, -1, 1);
  reply_data(&f, 6, 0, 1, -1, 0);
  if (CHECK_EQ_INT(client_read_file(&f.c, "/fifo", &o, &data, &len, &e), 0))
    CHECK_EQ_INT(len, 4);
  free(data);
  CHECK_EQ_INT(next_request(&f, &m), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_OFFSET, 0), 4);
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_LENGTH, 9), 0);
  }
  fake_stop(&f);
}


static void jobs_and_errors (void) {
  static const char *const argv[] = { "sleep", "9" };
  struct client_cmd cmd = { .argv = argv, .argc = 2 };
  struct proto_buf b = { 0 };
  struct client_exit x;
  struct proto_msg m;
  struct error e;
  struct fake f;
  uint32_t job = 0, pid = 0;
  if (fake_start(&f))
    return;
  reply_begin(&b, PROTO_MSG_JOB_START, 1);
  proto_put_u32(&b, PROTO_A_JOB_ID, 5);
  proto_put_u32(&b, PROTO_A_PID, 77);
  reply_send(&f, &b);
  CHECK_EQ_INT(client_job_start(&f.c, &cmd, &job, &pid, &e), 0);
  CHECK_EQ_INT(job, 5);
  CHECK_EQ_INT(pid, 77);
  if (CHECK_EQ_INT(next_request(&f, &m), 0))
    CHECK_ATTR(&m, PROTO_A_ARGV, "sleep");  /* argv_len NULL: strlen */
  /* still running at the wait's timeout */
  reply_begin(&b, PROTO_MSG_JOB_WAIT, 2);
  proto_put_u32(&b, PROTO_A_TIMED_OUT, 1);
  reply_send(&f, &b);
  CHECK_EQ_INT(client_job_wait(&f.c, 5, 100, &x, &e), 0);
  CHECK_EQ_INT(x.finished, 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_JOB_ID, 0), 5);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_TIMEOUT_MS, 0), 100);
  }
  reply_empty(&f, PROTO_MSG_JOB_KILL, 3);
  CHECK_EQ_INT(client_job_kill(&f.c, 5, 15, &e), 0);
  if (CHECK_EQ_INT(next_request(&f, &m), 0))
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_SIGNAL, 0), 15);
  /* the agent's error message is the error */
  proto_begin(&b, PROTO_MSG_INSMOD, 4, PROTO_F_ERROR);
  proto_put_u32(&b, PROTO_A_ERRNO, 2);
  proto_put_str(&b, PROTO_A_MESSAGE, "finit_module /tmp/m.ko: No such file");
  reply_send(&f, &b);
  CHECK_EQ_INT(client_insmod(&f.c, "/tmp/m.ko", "a=1", &e), -1);
  CHECK_STR(e.msg, "finit_module /tmp/m.ko: No such file");
  if (CHECK_EQ_INT(next_request(&f, &m), 0)) {
    CHECK_ATTR(&m, PROTO_A_PATH, "/tmp/m.ko");
    CHECK_ATTR(&m, PROTO_A_PARAMS, "a=1");
  }
  CHECK(!f.vm.dead);  /* a failed request is not a dead VM */
  fake_stop(&f);
}


static const struct unit_case cases[] = {
  { "exec: argv, stdin, timeout, results", exec_command },
  { "workers: spawn, routing, kill", worker_routing },
  { "call: description, executor, results, errors", call },
  { "call batch: pipelined in order, two chunks", call_batch },
  { "write_file and read_file in chunks", files },
  { "read_file: max, length, offset, streams", read_limits },
  { "jobs and agent errors", jobs_and_errors },
  { NULL, NULL }
};

const struct unit_suite unit_client = { "client", cases };
