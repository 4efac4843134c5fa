/*
 * pool.h - the resource pool of a "provium test" run: the memory and CPUs
 * that the VMs of every file's process share while they run. The runner
 * keeps the books and decides (pool_request .. pool_schedule); a file's
 * process asks before each boot and waits, blocked on its socket, until it
 * is granted (pool_acquire), and gives back after the VM is gone
 * (pool_give_back). A process that dies gives back everything it held
 * (pool_reclaim). Outside "provium test" there is no pool: every boot is
 * granted at once.
 */
#ifndef PROVIUM_POOL_H
#define PROVIUM_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* What automatic memory gating leaves to the host, as the original: 1.5 GB. */
#define POOL_RESERVE_MB		1536

struct pool {
	long mem_mb;		/* memory budget, MiB */
	int mem_auto;		/* it is MemAvailable less the reserve */
	long mem_avail_mb;	/* that MemAvailable (auto) */
	int cpus;		/* CPU budget, 0 = not limited */
	long mem_used;
	int cpus_used;
	int vms;		/* VMs holding a grant */
	unsigned long seq;	/* requests so far: their order */
};

struct pool_ticket {
	uint32_t id;
	long mem;
	int cpus;
};

/* One file's process as the pool sees it (in its struct test_file). */
struct pool_client {
	struct pool_ticket *tickets;	/* grants it holds */
	size_t ntickets;
	long mem_held;
	int cpus_held;
	int waiting;			/* a request not answered yet */
	uint32_t want_id;
	long want_mem;
	int want_cpus;
	unsigned long want_seq;
};

enum pool_verdict { POOL_GRANT = 1, POOL_REFUSE = 2 };

/* What pool_schedule decided for one client. */
struct pool_decision {
	size_t client;			/* index in the array passed */
	enum pool_verdict verdict;
	uint32_t id;			/* the request's */
	char why[800];			/* POOL_REFUSE: the error vm:boot raises */
};

/*
 * The budget: @mem ("4G", NULL = MemAvailable from @meminfo less
 * POOL_RESERVE_MB) and @cpus (0 = not limited). -1 with @e if @mem is bad.
 */
int pool_init(struct pool *p, const char *mem, int cpus, const char *meminfo,
	      struct error *e);
/* --mem's "4096", "4096M", "4G", "1T" -> MiB; -1 if invalid or below 64M. */
long pool_parse_mem(const char *s);
/* "resource pool: 4096M memory, 8 CPUs" and the like. */
void pool_describe(const struct pool *p, char *out, size_t len);
/* "512M memory, 1 CPU" */
void pool_amount(long mem, int cpus, char *out, size_t len);

/* Client @c asks for @mem MiB and @cpus for the VM it calls @id. */
void pool_request(struct pool *p, struct pool_client *c, uint32_t id, long mem, int cpus);
/* Client @c gives back grant @id (unknown ids are ignored). */
void pool_release(struct pool *p, struct pool_client *c, uint32_t id);
/* Client @c is gone: everything it held comes back; its request is dropped. */
void pool_reclaim(struct pool *p, struct pool_client *c);
/*
 * Answer what can be answered: grants that fit (in request order, any that
 * fits), refusals of what can never fit, and, when every VM in the pool
 * belongs to a file that waits for more (nothing will ever be given back),
 * a refusal of the latest such request. Grants are booked. Returns the
 * number of decisions written to @out (at most @n).
 */
size_t pool_schedule(struct pool *p, struct pool_client *const *clients, size_t n,
		     struct pool_decision *out);
/* Refuse every waiting request with @why (the run is stopping). */
size_t pool_refuse_all(struct pool *p, struct pool_client *const *clients, size_t n,
		       const char *why, struct pool_decision *out);
void pool_client_free(struct pool_client *c);

/* The messages on a file's pool socket (SOCK_SEQPACKET, one per packet). */
enum { POOL_ACQUIRE = 1, POOL_RELEASE, POOL_GRANTED, POOL_REFUSED };
struct pool_msg {
	uint32_t op;
	uint32_t id;
	uint32_t mem_mb;
	uint32_t cpus;
	char text[800];
};

/* In a file's process: its socket to the runner (-1: no pool). */
void pool_set_fd(int fd);
/*
 * Before a boot: ask for @mem MiB and @cpus, and wait for the answer
 * (blocked, no polling; an --timeout alarm is paused meanwhile). *@id is
 * the grant to give back, 0 when there is no pool. -1 with @e if refused
 * or interrupted.
 */
int pool_acquire(long mem, int cpus, uint32_t *id, struct error *e);
/* After the VM is gone. */
void pool_give_back(uint32_t id);

#endif
