/*
 * pool.c - the resource pool of a "provium test" run. The books and the
 * decisions (pool_init .. pool_schedule) run in the runner; pool_acquire
 * and pool_give_back run in each file's process and talk to the runner
 * over that file's socket.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pool.h"

long pool_parse_mem(const char *s)
{
	char *end;
	double n = strtod(s, &end);

	if (end == s || !(n > 0))
		return -1;
	if (*end == 'T' || *end == 't')
		n *= 1024 * 1024, end++;
	else if (*end == 'G' || *end == 'g')
		n *= 1024, end++;
	else if (*end == 'M' || *end == 'm')
		end++;
	if (*end || n < 64 || n > 1024.0 * 1024 * 1024)
		return -1;
	return (long)n;
}

static long mem_available_mb(const char *meminfo)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen(meminfo, "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb < 0 ? -1 : kb / 1024;
}

int pool_init(struct pool *p, const char *mem, int cpus, const char *meminfo,
	      struct error *e)
{
	memset(p, 0, sizeof(*p));
	p->cpus = cpus > 0 ? cpus : 0;
	if (mem) {
		p->mem_mb = pool_parse_mem(mem);
		if (p->mem_mb < 0)
			return errorf(e, "--mem %s: want a size like 4096M or 8G (at least 64M)",
				      mem);
		return 0;
	}
	p->mem_avail_mb = mem_available_mb(meminfo ? meminfo : "/proc/meminfo");
	if (p->mem_avail_mb < 0) {
		p->mem_mb = -1;		/* unknown: not limited */
		return 0;
	}
	p->mem_auto = 1;
	p->mem_mb = p->mem_avail_mb > POOL_RESERVE_MB ? p->mem_avail_mb - POOL_RESERVE_MB : 0;
	return 0;
}

void pool_amount(long mem, int cpus, char *out, size_t len)
{
	snprintf(out, len, "%ldM memory, %d CPU%s", mem, cpus, cpus == 1 ? "" : "s");
}

/* "4096M memory, 8 CPUs" */
static void budget(const struct pool *p, char *out, size_t len)
{
	char mem[128], cpus[64];

	if (p->mem_mb < 0)
		snprintf(mem, sizeof(mem), "memory not limited (no MemAvailable)");
	else if (p->mem_auto)
		snprintf(mem, sizeof(mem), "%ldM memory (MemAvailable %ldM less %dM)", p->mem_mb,
			 p->mem_avail_mb, POOL_RESERVE_MB);
	else
		snprintf(mem, sizeof(mem), "%ldM memory", p->mem_mb);
	if (p->cpus)
		snprintf(cpus, sizeof(cpus), "%d CPU%s", p->cpus, p->cpus == 1 ? "" : "s");
	else
		snprintf(cpus, sizeof(cpus), "CPUs not limited");
	snprintf(out, len, "%s, %s", mem, cpus);
}

void pool_describe(const struct pool *p, char *out, size_t len)
{
	char b[256];

	budget(p, b, sizeof(b));
	snprintf(out, len, "resource pool: %s", b);
}

void pool_request(struct pool *p, struct pool_client *c, uint32_t id, long mem, int cpus)
{
	c->waiting = 1;
	c->want_id = id;
	c->want_mem = mem;
	c->want_cpus = cpus;
	c->want_seq = ++p->seq;
}

void pool_release(struct pool *p, struct pool_client *c, uint32_t id)
{
	size_t i;

	/* a request given up before its answer (interrupted) */
	if (c->waiting && c->want_id == id) {
		c->waiting = 0;
		return;
	}
	for (i = 0; i < c->ntickets; i++) {
		if (c->tickets[i].id != id)
			continue;
		p->mem_used -= c->tickets[i].mem;
		p->cpus_used -= c->tickets[i].cpus;
		p->vms--;
		c->mem_held -= c->tickets[i].mem;
		c->cpus_held -= c->tickets[i].cpus;
		c->tickets[i] = c->tickets[--c->ntickets];
		return;
	}
}

void pool_reclaim(struct pool *p, struct pool_client *c)
{
	while (c->ntickets)
		pool_release(p, c, c->tickets[0].id);
	c->waiting = 0;
}

void pool_client_free(struct pool_client *c)
{
	free(c->tickets);
	memset(c, 0, sizeof(*c));
}

/* Would the request fit now? Auto memory lets one VM run whatever its size. */
static int fits(const struct pool *p, const struct pool_client *c)
{
	if (p->mem_mb >= 0 && p->mem_used + c->want_mem > p->mem_mb &&
	    !(p->mem_auto && p->vms == 0))
		return 0;
	return !p->cpus || p->cpus_used + c->want_cpus <= p->cpus;
}

/* Can it never fit, even once every other file has given everything back? */
static int never_fits(const struct pool *p, const struct pool_client *c)
{
	if (!p->mem_auto && p->mem_mb >= 0 && c->mem_held + c->want_mem > p->mem_mb)
		return 1;
	return p->cpus && c->cpus_held + c->want_cpus > p->cpus;
}

static void grant(struct pool *p, struct pool_client *c)
{
	c->tickets = xrealloc(c->tickets, (c->ntickets + 1) * sizeof(*c->tickets));
	c->tickets[c->ntickets++] = (struct pool_ticket){ c->want_id, c->want_mem, c->want_cpus };
	c->mem_held += c->want_mem;
	c->cpus_held += c->want_cpus;
	p->mem_used += c->want_mem;
	p->cpus_used += c->want_cpus;
	p->vms++;
	c->waiting = 0;
}

static void decide(struct pool_decision *d, size_t i, enum pool_verdict v, uint32_t id)
{
	memset(d, 0, sizeof(*d));
	d->client = i;
	d->verdict = v;
	d->id = id;
}

/* The waiting client with the lowest request number above @after, or n. */
static size_t next_waiting(struct pool_client *const *cl, size_t n, unsigned long after)
{
	size_t i, best = n;

	for (i = 0; i < n; i++)
		if (cl[i]->waiting && cl[i]->want_seq > after &&
		    (best == n || cl[i]->want_seq < cl[best]->want_seq))
			best = i;
	return best;
}

size_t pool_schedule(struct pool *p, struct pool_client *const *cl, size_t n,
		     struct pool_decision *out)
{
	char want[64], held[64], all[256];
	size_t nd = 0, i, movers, last;
	unsigned long seq;

	budget(p, all, sizeof(all));
	for (i = 0; i < n && nd < n; i++) {
		if (!cl[i]->waiting || !never_fits(p, cl[i]))
			continue;
		pool_amount(cl[i]->want_mem, cl[i]->want_cpus, want, sizeof(want));
		pool_amount(cl[i]->mem_held, cl[i]->cpus_held, held, sizeof(held));
		decide(&out[nd], i, POOL_REFUSE, cl[i]->want_id);
		snprintf(out[nd++].why, sizeof(out->why), "the resource pool can never hold this "
			 "VM: it wants %s, this file's VMs hold %s, and the pool has %s in all "
			 "(raise --mem/--cpus)", want, held, all);
		cl[i]->waiting = 0;
	}
	/* in request order, every request that fits now */
	for (seq = 0; (i = next_waiting(cl, n, seq)) < n && nd < n; seq = cl[i]->want_seq) {
		if (!fits(p, cl[i]))
			continue;
		decide(&out[nd++], i, POOL_GRANT, cl[i]->want_id);
		grant(p, cl[i]);
	}
	/*
	 * Only a file that holds VMs and is not waiting can give some back.
	 * If there is none while requests wait, nothing will ever change:
	 * refuse the latest request of a file that holds VMs.
	 */
	for (i = 0, movers = 0, last = n; i < n; i++) {
		if (cl[i]->ntickets && !cl[i]->waiting)
			movers++;
		if (cl[i]->waiting && cl[i]->ntickets &&
		    (last == n || cl[i]->want_seq > cl[last]->want_seq))
			last = i;
	}
	if (!movers && last < n && nd < n) {
		pool_amount(cl[last]->want_mem, cl[last]->want_cpus, want, sizeof(want));
		pool_amount(cl[last]->mem_held, cl[last]->cpus_held, held, sizeof(held));
		decide(&out[nd], last, POOL_REFUSE, cl[last]->want_id);
		snprintf(out[nd++].why, sizeof(out->why), "the resource pool is spent and every "
			 "VM in it belongs to a file waiting for more (a deadlock): this file "
			 "holds %s and wants %s more (the pool has %s; raise --mem/--cpus or boot "
			 "fewer VMs at once)", held, want, all);
		cl[last]->waiting = 0;
	}
	return nd;
}

size_t pool_refuse_all(struct pool *p, struct pool_client *const *cl, size_t n,
		       const char *why, struct pool_decision *out)
{
	size_t i, nd = 0;

	(void)p;
	for (i = 0; i < n; i++) {
		if (!cl[i]->waiting)
			continue;
		decide(&out[nd], i, POOL_REFUSE, cl[i]->want_id);
		snprintf(out[nd++].why, sizeof(out->why), "%s", why);
		cl[i]->waiting = 0;
	}
	return nd;
}

/* A file's process: its end of the socket, and the ids of its requests. */
static int pool_fd = -1;
static uint32_t last_id;

void pool_set_fd(int fd)
{
	pool_fd = fd;
}

static int send_msg(uint32_t op, uint32_t id, long mem, int cpus)
{
	struct pool_msg m;

	memset(&m, 0, sizeof(m));
	m.op = op;
	m.id = id;
	m.mem_mb = (uint32_t)mem;
	m.cpus = (uint32_t)cpus;
	return send(pool_fd, &m, sizeof(m), MSG_NOSIGNAL) == (ssize_t)sizeof(m) ? 0 : -1;
}

int pool_acquire(long mem, int cpus, uint32_t *id, struct error *e)
{
	uint32_t want = ++last_id;
	unsigned int left;
	int rc = -1;

	*id = 0;
	if (pool_fd < 0)
		return 0;
	if (send_msg(POOL_ACQUIRE, want, mem, cpus))
		return errorf(e, "cannot ask the resource pool: %s", strerror(errno));
	/* waiting for the pool is not running: --timeout's alarm pauses */
	left = alarm(0);
	for (;;) {
		struct pollfd pfd = { pool_fd, POLLIN, 0 };
		struct pool_msg m;
		ssize_t n;

		if (provium_interrupted) {
			send_msg(POOL_RELEASE, want, 0, 0);
			errorf(e, "interrupted while waiting for the resource pool");
			break;
		}
		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			errorf(e, "waiting for the resource pool: %s", strerror(errno));
			break;
		}
		n = recv(pool_fd, &m, sizeof(m), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n != (ssize_t)sizeof(m)) {
			errorf(e, "the resource pool is gone (the runner stopped)");
			break;
		}
		if (m.id != want)
			continue;
		m.text[sizeof(m.text) - 1] = '\0';
		if (m.op == POOL_GRANTED) {
			*id = want;
			rc = 0;
		} else {
			errorf(e, "%s", m.text);
		}
		break;
	}
	if (left)
		alarm(left);
	return rc;
}

void pool_give_back(uint32_t id)
{
	if (pool_fd >= 0 && id)
		send_msg(POOL_RELEASE, id, 0, 0);
}
