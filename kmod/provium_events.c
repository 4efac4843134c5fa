// SPDX-License-Identifier: GPL-2.0
/*
 * provium_events.c - kernel reports (WARN, BUG/oops, lockdep, KASAN,
 * KFENCE, UBSAN, hangs) caught where the kernel makes them and sent as
 * PROVIUM_CMD_EVENT messages on the generic netlink "events" group, each
 * saying which call it belongs to.
 *
 * The console tracepoint gives a report's text line by line, in the
 * context that prints it; "---[ end trace" and the error_report_end
 * tracepoint close it; the die notifier marks an oops; a report without an
 * end marker (lockdep, hangs) is over when its context's call ends or after
 * PROVIUM_REPORT_IDLE without a line. Probes run in any context but NMI and
 * only copy into preallocated slots under a raw spinlock. Reports are sent
 * from process context only: by the calling task at the end of its call,
 * so the agent has a call's reports before the ioctl returns, and otherwise
 * by a work item that an irq_work queues.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debug_locks.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kdebug.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <trace/events/error_report.h>

#include "provium_internal.h"
#include "provium_uapi.h"

#define PROVIUM_REPORTS		16
#define PROVIUM_REPORT_TEXT	8192
#define PROVIUM_REPORT_IDLE	(HZ / 5)

/* Taint flags that only a report sets: the others (modules...) are no splat. */
static const unsigned int provium_report_taints[] = {
	TAINT_BAD_PAGE, TAINT_DIE, TAINT_WARN, TAINT_SOFTLOCKUP, TAINT_MACHINE_CHECK,
};

enum { PROVIUM_SLOT_FREE, PROVIUM_SLOT_OPEN, PROVIUM_SLOT_CLOSED };

struct provium_report {
	int state;
	unsigned long key;	/* the context printing it */
	unsigned long last;	/* jiffies of its last line */
	u64 seq;		/* order of closing */
	u32 kind, context, via;
	pid_t pid, call_pid;
	u64 call_nr;
	char comm[TASK_COMM_LEN];
	bool modules;		/* in "Modules linked in:", printed piece by piece */
	u32 len;
	char text[PROVIUM_REPORT_TEXT];
};

static struct provium_report *provium_reports;
static struct provium_report *provium_sending;	/* one report, copied out */
static DEFINE_RAW_SPINLOCK(provium_reports_lock);
static atomic_t provium_reports_open = ATOMIC_INIT(0);
static atomic_t provium_reports_closed = ATOMIC_INIT(0);
static atomic64_t provium_reports_opened = ATOMIC64_INIT(0);
static u64 provium_reports_seq;		/* under provium_reports_lock */
/* the context whose report "end trace" closed last, until error_report_end */
static unsigned long provium_ended_key;
static atomic64_t provium_reports_sent = ATOMIC64_INIT(0);
static atomic64_t provium_reports_delivered = ATOMIC64_INIT(0);	/* multicast done */
static unsigned long provium_reports_dropped;
static DEFINE_MUTEX(provium_send_lock);

static struct tracepoint *provium_console_tp;
static bool provium_error_report_on;
static bool provium_die_on;

static void provium_events_kick(struct irq_work *w);
static void provium_events_workfn(struct work_struct *w);
static DEFINE_IRQ_WORK(provium_events_irq_work, provium_events_kick);
static DECLARE_DELAYED_WORK(provium_events_work, provium_events_workfn);
static bool provium_events_live;	/* the work may be queued */

/* ---- what a line says ---- */

#define PROVIUM_KIND_PENDING	0x100	/* "cut here": the kind comes next */

static const struct {
	const char *marker;
	u32 kind;
} provium_markers[] = {
	/* the more specific first: lockdep and sanitizers say WARNING/BUG too */
	{ "possible circular locking", PROVIUM_EVENT_LOCKDEP },
	{ "possible recursive locking", PROVIUM_EVENT_LOCKDEP },
	{ "inconsistent lock state", PROVIUM_EVENT_LOCKDEP },
	{ "possible irq lock inversion", PROVIUM_EVENT_LOCKDEP },
	{ "bad unlock balance", PROVIUM_EVENT_LOCKDEP },
	{ "suspicious RCU usage", PROVIUM_EVENT_LOCKDEP },
	{ "held lock freed", PROVIUM_EVENT_LOCKDEP },
	{ "KASAN:", PROVIUM_EVENT_SANITIZER },
	{ "KFENCE:", PROVIUM_EVENT_SANITIZER },
	{ "UBSAN:", PROVIUM_EVENT_SANITIZER },
	{ "soft lockup", PROVIUM_EVENT_HANG },
	{ "blocked for more than", PROVIUM_EVENT_HANG },
	{ "detected stalls", PROVIUM_EVENT_HANG },
	{ "WARNING:", PROVIUM_EVENT_WARN },
	{ "kernel BUG at", PROVIUM_EVENT_BUG },
	{ "BUG:", PROVIUM_EVENT_BUG },
	{ "general protection fault", PROVIUM_EVENT_BUG },
	{ "Oops:", PROVIUM_EVENT_OOPS },
	{ "[ cut here ]", PROVIUM_KIND_PENDING },
};

static u32 provium_line_kind(const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(provium_markers); i++)
		if (strnstr(text, provium_markers[i].marker, len))
			return provium_markers[i].kind;
	return 0;
}

static bool provium_line_ends(const char *text, size_t len)
{
	static const char end[] = "---[ end trace";

	return len >= sizeof(end) - 1 && !memcmp(text, end, sizeof(end) - 1);
}

/* ---- the slots, under provium_reports_lock ---- */

/* Who prints: the task, or the interrupt context of this CPU. */
static unsigned long provium_context_key(void)
{
	if (in_task())
		return (unsigned long)current;
	/* task pointers are aligned: an odd key is never one */
	return 1UL | (unsigned long)smp_processor_id() << 4 |
	       (in_hardirq() ? 2 : 4);
}

static struct provium_report *provium_report_find(unsigned long key)
{
	int i;

	lockdep_assert_held(&provium_reports_lock);
	for (i = 0; i < PROVIUM_REPORTS; i++)
		if (provium_reports[i].state == PROVIUM_SLOT_OPEN &&
		    provium_reports[i].key == key)
			return &provium_reports[i];
	return NULL;
}

/* Whose report this is: the calling task inside its call, or concurrent. */
static void provium_report_attribute(struct provium_report *r)
{
	struct provium_inflight *s = in_task() ? provium_inflight_find(current) : NULL;
	int i;

	r->context = PROVIUM_CTX_NONE;
	r->call_pid = 0;
	r->call_nr = 0;
	if (s) {
		r->context = PROVIUM_CTX_CALL;
		r->call_pid = READ_ONCE(s->pid);
		r->call_nr = READ_ONCE(s->nr);
		return;
	}
	if (!atomic_read(&provium_inflight_count))
		return;
	r->context = PROVIUM_CTX_CONCURRENT;
	for (i = 0; i < PROVIUM_INFLIGHT_MAX; i++) {
		if (READ_ONCE(provium_inflight[i].task)) {
			r->call_pid = READ_ONCE(provium_inflight[i].pid);
			r->call_nr = READ_ONCE(provium_inflight[i].nr);
			break;
		}
	}
}

static struct provium_report *provium_report_open(unsigned long key, u32 kind, u32 via)
{
	struct provium_report *r = NULL;
	int i;

	lockdep_assert_held(&provium_reports_lock);
	for (i = 0; i < PROVIUM_REPORTS; i++) {
		if (provium_reports[i].state == PROVIUM_SLOT_FREE) {
			r = &provium_reports[i];
			break;
		}
	}
	if (!r) {
		provium_reports_dropped++;
		return NULL;
	}
	r->state = PROVIUM_SLOT_OPEN;
	r->key = key;
	r->last = jiffies;
	r->kind = kind == PROVIUM_KIND_PENDING ? 0 : kind;
	r->via = via;
	r->len = 0;
	r->modules = false;
	r->text[0] = '\0';
	if (in_task()) {
		r->pid = task_pid_nr(current);
		/* no task_lock: the report may come from under it */
		strscpy(r->comm, current->comm, sizeof(r->comm));
	} else {
		r->pid = 0;
		strscpy(r->comm, in_hardirq() ? "hardirq" : "softirq", sizeof(r->comm));
	}
	provium_report_attribute(r);
	atomic_inc(&provium_reports_open);
	atomic64_inc(&provium_reports_opened);
	return r;
}

static void provium_report_close(struct provium_report *r)
{
	lockdep_assert_held(&provium_reports_lock);
	if (!r->kind)
		r->kind = PROVIUM_EVENT_WARN;	/* a "cut here" and nothing known */
	r->state = PROVIUM_SLOT_CLOSED;
	r->seq = ++provium_reports_seq;
	atomic_dec(&provium_reports_open);
	atomic_inc(&provium_reports_closed);
}

static void provium_report_append(struct provium_report *r, const char *text, size_t len)
{
	static const char modules[] = "Modules linked in:";
	size_t room;

	/*
	 * The console tracepoint sees each pr_cont() piece alone: put the
	 * module list back on one line (its pieces start with a blank).
	 */
	if (r->modules && len && text[0] == ' ' && r->len && r->text[r->len - 1] == '\n')
		r->len--;
	else
		r->modules = len >= sizeof(modules) - 1 &&
			     !memcmp(text, modules, sizeof(modules) - 1);
	room = PROVIUM_REPORT_TEXT - 1 - r->len;
	if (!room)
		return;
	if (len > room - 1)
		len = room - 1;		/* keep room for the newline */
	memcpy(r->text + r->len, text, len);
	r->len += len;
	r->text[r->len++] = '\n';
	r->text[r->len] = '\0';
	r->last = jiffies;
}

/* ---- probes ---- */

static void provium_console_probe(void *data, const char *text, size_t len)
{
	unsigned long key, flags;
	struct provium_report *r;
	bool kick = false;
	u32 kind;

	if (in_nmi() || !len || !provium_reports)
		return;
	key = provium_context_key();
	kind = provium_line_kind(text, len);
	raw_spin_lock_irqsave(&provium_reports_lock, flags);
	r = provium_report_find(key);
	/* "cut here" or a second WARNING: the next report of that context */
	if (r && r->kind && (kind == PROVIUM_KIND_PENDING ||
			     (kind == PROVIUM_EVENT_WARN && r->kind == kind))) {
		provium_report_close(r);
		r = NULL;
	}
	if (!r && kind) {
		r = provium_report_open(key, kind, PROVIUM_VIA_CONSOLE);
		kick = true;
	}
	if (r) {
		if (kind && kind != PROVIUM_KIND_PENDING &&
		    (!r->kind || (kind == PROVIUM_EVENT_OOPS &&
				  r->kind == PROVIUM_EVENT_BUG)))
			r->kind = kind;
		provium_report_append(r, text, len);
		if (provium_line_ends(text, len)) {
			provium_report_close(r);
			provium_ended_key = key;
			kick = true;
		}
	}
	raw_spin_unlock_irqrestore(&provium_reports_lock, flags);
	if (kick && READ_ONCE(provium_events_live))
		irq_work_queue(&provium_events_irq_work);
}

static void provium_error_report_probe(void *data, enum error_detector detector,
				       unsigned long id)
{
	u32 kind = detector == ERROR_DETECTOR_WARN ? PROVIUM_EVENT_WARN :
		   PROVIUM_EVENT_SANITIZER;
	struct provium_report *r;
	unsigned long flags;
	char line[KSYM_SYMBOL_LEN + 64];
	int n;

	if (in_nmi() || !provium_reports)
		return;
	raw_spin_lock_irqsave(&provium_reports_lock, flags);
	r = provium_report_find(provium_context_key());
	if (!r && provium_ended_key == provium_context_key()) {
		/* "end trace" closed this report already (WARN prints it first) */
		provium_ended_key = 0;
		raw_spin_unlock_irqrestore(&provium_reports_lock, flags);
		return;
	}
	if (!r) {
		/* no text seen (no console tracepoint): say what is known */
		r = provium_report_open(provium_context_key(), kind,
					PROVIUM_VIA_ERROR_REPORT);
		if (r) {
			n = scnprintf(line, sizeof(line), "%s reported at %pS",
				      detector == ERROR_DETECTOR_WARN ? "WARNING" :
				      detector == ERROR_DETECTOR_KASAN ? "KASAN" :
				      "KFENCE", (void *)id);
			provium_report_append(r, line, n);
		}
	}
	if (r) {
		if (!r->kind || kind == PROVIUM_EVENT_SANITIZER)
			r->kind = kind;
		provium_report_close(r);
	}
	raw_spin_unlock_irqrestore(&provium_reports_lock, flags);
	if (READ_ONCE(provium_events_live))
		irq_work_queue(&provium_events_irq_work);
}

static int provium_die_probe(struct notifier_block *nb, unsigned long val, void *data)
{
	struct die_args *args = data;
	struct provium_report *r;
	unsigned long flags;

	if (val != DIE_OOPS || in_nmi() || !provium_reports)
		return NOTIFY_DONE;
	raw_spin_lock_irqsave(&provium_reports_lock, flags);
	r = provium_report_find(provium_context_key());
	if (!r) {
		r = provium_report_open(provium_context_key(), PROVIUM_EVENT_OOPS,
					PROVIUM_VIA_DIE);
		if (r && args && args->str)
			provium_report_append(r, args->str, strlen(args->str));
	}
	if (r)
		r->kind = PROVIUM_EVENT_OOPS;	/* the rest prints, then "end trace" */
	raw_spin_unlock_irqrestore(&provium_reports_lock, flags);
	if (READ_ONCE(provium_events_live))
		irq_work_queue(&provium_events_irq_work);
	return NOTIFY_DONE;
}

static struct notifier_block provium_die_nb = {
	.notifier_call = provium_die_probe,
};

/* ---- sending, in process context ---- */

static void provium_event_send(const struct provium_report *r)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(nla_total_size(r->len + 1) + 256, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &provium_genl, 0, PROVIUM_CMD_EVENT);
	if (!hdr ||
	    nla_put_u32(msg, PROVIUM_ATTR_EVENT_KIND, r->kind) ||
	    nla_put(msg, PROVIUM_ATTR_EVENT_TEXT, r->len + 1, r->text) ||
	    nla_put_u32(msg, PROVIUM_ATTR_EVENT_CONTEXT, r->context) ||
	    nla_put_u32(msg, PROVIUM_ATTR_EVENT_PID, r->pid) ||
	    nla_put_string(msg, PROVIUM_ATTR_EVENT_COMM, r->comm) ||
	    nla_put_u32(msg, PROVIUM_ATTR_EVENT_CALL_PID, r->call_pid) ||
	    nla_put_u64_64bit(msg, PROVIUM_ATTR_EVENT_CALL_NR, r->call_nr,
			      PROVIUM_ATTR_PAD) ||
	    nla_put_u32(msg, PROVIUM_ATTR_EVENT_VIA, r->via) ||
	    nla_put_u64_64bit(msg, PROVIUM_ATTR_EVENT_SEQ,
			      atomic64_inc_return(&provium_reports_sent),
			      PROVIUM_ATTR_PAD)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	/* -ESRCH: nobody listens, which is fine */
	genlmsg_multicast(&provium_genl, msg, 0, 0, GFP_KERNEL);
	atomic64_inc(&provium_reports_delivered);
}

/* Send every closed report, oldest first. */
static void provium_events_send(void)
{
	struct provium_report *r, *next;
	unsigned long flags;
	int i;

	mutex_lock(&provium_send_lock);
	for (;;) {
		next = NULL;
		raw_spin_lock_irqsave(&provium_reports_lock, flags);
		for (i = 0; i < PROVIUM_REPORTS; i++) {
			r = &provium_reports[i];
			if (r->state == PROVIUM_SLOT_CLOSED &&
			    (!next || r->seq < next->seq))
				next = r;
		}
		if (next) {
			memcpy(provium_sending, next,
			       offsetof(struct provium_report, text) + next->len + 1);
			next->state = PROVIUM_SLOT_FREE;
			atomic_dec(&provium_reports_closed);
		}
		raw_spin_unlock_irqrestore(&provium_reports_lock, flags);
		if (!next)
			break;
		provium_event_send(provium_sending);
	}
	mutex_unlock(&provium_send_lock);
}

/* Close the open reports of @key (0: every one idle for PROVIUM_REPORT_IDLE). */
static void provium_events_close(unsigned long key)
{
	unsigned long flags;
	int i;

	raw_spin_lock_irqsave(&provium_reports_lock, flags);
	for (i = 0; i < PROVIUM_REPORTS; i++) {
		struct provium_report *r = &provium_reports[i];

		if (r->state != PROVIUM_SLOT_OPEN)
			continue;
		if (key ? r->key == key :
		    time_after_eq(jiffies, r->last + PROVIUM_REPORT_IDLE))
			provium_report_close(r);
	}
	raw_spin_unlock_irqrestore(&provium_reports_lock, flags);
}

static void provium_events_workfn(struct work_struct *w)
{
	provium_events_close(0);
	provium_events_send();
	if (atomic_read(&provium_reports_open) && READ_ONCE(provium_events_live))
		schedule_delayed_work(&provium_events_work, PROVIUM_REPORT_IDLE);
}

/* From any context but NMI, with no lock that the workqueue takes held. */
static void provium_events_kick(struct irq_work *w)
{
	mod_delayed_work(system_wq, &provium_events_work,
			 atomic_read(&provium_reports_closed) ? 0 : PROVIUM_REPORT_IDLE);
}

/* ---- around each call ---- */

static unsigned long provium_taint(void)
{
	unsigned long mask = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(provium_report_taints); i++)
		if (test_taint(provium_report_taints[i]))
			mask |= BIT(provium_report_taints[i]);
	return mask;
}

void provium_events_call_begin(struct provium_events_mark *m)
{
	m->taint = provium_taint();
	m->debug_locks = READ_ONCE(debug_locks);
	m->opened = atomic64_read(&provium_reports_opened);
	m->sent = atomic64_read(&provium_reports_delivered);
}

/*
 * Taint or debug_locks changed with no report seen meanwhile (the console
 * text was missed, or lockdep turned itself off quietly): report that.
 */
static void provium_events_quiet_change(struct provium_inflight *slot,
					const struct provium_events_mark *m)
{
	unsigned long taint = provium_taint(), flags;
	bool locks_off = m->debug_locks && !READ_ONCE(debug_locks);
	struct provium_report *r;
	char line[128];
	int n;

	if (!(taint & ~m->taint) && !locks_off)
		return;
	if (atomic64_read(&provium_reports_opened) != m->opened)
		return;		/* a report was seen: it explains the change */
	if (locks_off)
		n = scnprintf(line, sizeof(line),
			      "debug_locks turned off during the call (lockdep stopped)");
	else
		n = scnprintf(line, sizeof(line),
			      "taint 0x%lx appeared during the call with no report seen",
			      taint & ~m->taint);
	raw_spin_lock_irqsave(&provium_reports_lock, flags);
	r = provium_report_open(provium_context_key(),
				locks_off ? PROVIUM_EVENT_LOCKDEP : PROVIUM_EVENT_TAINT,
				PROVIUM_VIA_TAINT);
	if (r) {
		provium_report_append(r, line, n);
		provium_report_close(r);
	}
	raw_spin_unlock_irqrestore(&provium_reports_lock, flags);
}

u32 provium_events_call_end(struct provium_inflight *slot,
			    const struct provium_events_mark *m)
{
	if (!provium_reports)
		return 0;
	/* what this task was still printing (no end marker) ends with its call */
	if (atomic_read(&provium_reports_open))
		provium_events_close(provium_context_key());
	if (slot)
		provium_events_quiet_change(slot, m);
	if (atomic_read(&provium_reports_closed))
		provium_events_send();
	return (u32)(atomic64_read(&provium_reports_delivered) - m->sent);
}

/* ---- setup ---- */

static void provium_find_console(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "console"))
		*(struct tracepoint **)priv = tp;
}

u32 provium_events_features(void)
{
	u32 f = 0;

	if (provium_reports)
		f |= PROVIUM_FEAT_EVENTS;
	if (provium_console_tp)
		f |= PROVIUM_FEAT_CONSOLE;
	if (provium_error_report_on)
		f |= PROVIUM_FEAT_ERROR_REPORT;
	return f;
}

int provium_events_init(void)
{
	struct tracepoint *tp = NULL;
	int err;

	provium_reports = kvcalloc(PROVIUM_REPORTS, sizeof(*provium_reports), GFP_KERNEL);
	provium_sending = kvzalloc(sizeof(*provium_sending), GFP_KERNEL);
	if (!provium_reports || !provium_sending) {
		kvfree(provium_reports);
		kvfree(provium_sending);
		provium_reports = NULL;
		provium_sending = NULL;
		return -ENOMEM;
	}
	WRITE_ONCE(provium_events_live, true);

	/* each hook is optional: what is missing shows in the features */
	for_each_kernel_tracepoint(provium_find_console, &tp);
	if (tp && !tracepoint_probe_register(tp, provium_console_probe, NULL))
		provium_console_tp = tp;
	else
		pr_info("no console tracepoint: reports carry no text\n");
	err = register_trace_error_report_end(provium_error_report_probe, NULL);
	provium_error_report_on = !err;
	provium_die_on = !register_die_notifier(&provium_die_nb);
	return 0;
}

void provium_events_exit(void)
{
	if (!provium_reports)
		return;
	if (provium_die_on)
		unregister_die_notifier(&provium_die_nb);
	if (provium_error_report_on)
		unregister_trace_error_report_end(provium_error_report_probe, NULL);
	if (provium_console_tp)
		tracepoint_probe_unregister(provium_console_tp,
					    provium_console_probe, NULL);
	tracepoint_synchronize_unregister();
	WRITE_ONCE(provium_events_live, false);
	irq_work_sync(&provium_events_irq_work);
	cancel_delayed_work_sync(&provium_events_work);
	kvfree(provium_reports);
	kvfree(provium_sending);
	provium_reports = NULL;
	provium_sending = NULL;
}
