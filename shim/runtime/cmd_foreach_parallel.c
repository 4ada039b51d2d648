/*
 * cmd_foreach_parallel.c: ForEach-Object -Parallel { } -ThrottleLimit N,
 * as PowerShell 7 defines it: each input runs the block in a runspace of
 * its own (no variables of the caller but those read as $using:name, as
 * they were when the input started), up to N at once, and the output
 * comes in the order the blocks finish.
 *
 * A runspace here is a worker thread with its own evaluator, host and
 * engine: the block's tests run on that engine while the other workers'
 * run on theirs, and the whole run's descriptors are shared out among
 * them (the run's engine is made first and its in-flight budget split).
 * What a block writes (objects, its Write-Host lines for stdout, its
 * warnings and errors for stderr, in the order written) is kept and
 * handed to the main thread in one piece when the block ends, so each
 * input's output stays together.  The main thread never evaluates while
 * a worker does: they share nothing but the script's text and tree,
 * which nobody changes.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/exit_codes.h"
#include "runtime/cmd_foreach.h"
#include "runtime/cmd_input.h"
#include "runtime/processors.h"
#include "runtime/values.h"

#define WORKER_STACK	(8u << 20)

/*
 * Runspaces at most, whatever -ThrottleLimit says: each is a thread with
 * an engine of its own, and more than this only shares the same
 * descriptors out thinner (README: a choice of tnc's).
 */
#define PARALLEL_MAX_WORKERS	64

/* A piece of what a block wrote to its host: for stdout, or stderr. */
struct chunk {
	bool	err;
	char	*text;
	size_t	len;
};

/* One input's run: what goes in, and what came out. */
struct job {
	struct psobj_value input;
	struct scope *usings;		/* $using: values, copied */
	struct psobj_value *out;	/* the block's objects */
	size_t	nout;
	struct chunk *chunks;		/* its host's text, in order */
	size_t	nchunks;
	int	status;			/* the exit status it earned */
	struct job *next;
};

/* One of a job's two host streams, for fopencookie() */
struct job_stream {
	struct job *j;
	bool	err;
};

struct parallel {
	struct proc base;
	struct runtime *rt;
	const struct foreach_cfg *cfg;
	struct engine_config ecfg;	/* each worker's engine */

	pthread_mutex_t mu;
	pthread_cond_t work, done;	/* a job to take; a job finished */
	struct job *todo, **todo_tail;	/* waiting for a worker */
	struct job *finished, **finished_tail;
	size_t	running;		/* taken and not finished */
	bool	quit;
	pthread_t *threads;
	size_t	nthreads;
	bool	stopped;		/* downstream had enough: drop output */
	bool	failed;			/* a machine failure: said */
};

static void
job_free(struct job *j)
{
	size_t i;

	psobj_value_free(&j->input);
	scope_free(j->usings);
	for (i = 0; i < j->nout; i++)
		psobj_value_free(&j->out[i]);
	free(j->out);
	for (i = 0; i < j->nchunks; i++)
		free(j->chunks[i].text);
	free(j->chunks);
	free(j);
}

/*
 * A write to a job's host stream: appended to its last chunk when that is
 * the same stream's, else a new chunk, so the order of stdout's and
 * stderr's text survives (the host flushes stdout before it writes to
 * stderr).  -1 on ENOMEM: the host sees a failed write.
 */
static ssize_t
job_stream_write(void *cookie, const char *buf, size_t len)
{
	struct job_stream *js = cookie;
	struct job *j = js->j;
	struct chunk *c, *grown;
	char *text;

	if (len == 0)
		return 0;
	c = j->nchunks > 0 ? &j->chunks[j->nchunks - 1] : NULL;
	if (c == NULL || c->err != js->err) {
		grown = realloc(j->chunks, (j->nchunks + 1) * sizeof(*grown));
		if (grown == NULL)
			return -1;
		j->chunks = grown;
		c = &j->chunks[j->nchunks++];
		memset(c, 0, sizeof(*c));
		c->err = js->err;
	}
	if ((text = realloc(c->text, c->len + len)) == NULL)
		return -1;
	memcpy(text + c->len, buf, len);
	c->text = text;
	c->len += len;
	return (ssize_t)len;
}

/* ---- in a worker ------------------------------------------------------ */

/* The block for one input in the worker's runspace; output kept in j. */
static void
run_job(struct parallel *pp, struct runtime *wrt, struct job *j)
{
	struct interp win;
	struct ast_list none = { 0 };
	struct pipeline pl;
	struct proc *c;
	struct psobj_value item;
	struct job_stream so = { j, false }, se = { j, true };
	cookie_io_functions_t io = { .write = job_stream_write };
	FILE *out = fopencookie(&so, "w", io), *err = fopencookie(&se, "w", io);
	const struct ast *sb = pp->cfg->parallel->block;
	enum flow f = FLOW_FAIL;
	bool closed;

	if (out == NULL || err == NULL) {
		if (out != NULL)
			fclose(out);
		if (err != NULL)
			fclose(err);
		j->status = TNC_EXIT_SYSTEM;
		return;
	}
	host_init(&wrt->host, out, err, pp->rt->host.script);
	host_style(&wrt->host, pp->rt->host.nl, pp->rt->host.ed);
	wrt->style_set = true;		/* the run's style holds here too */
	pipeline_init(&pl, wrt);
	if (interp_init(&win, wrt, pp->rt->host.script, &none) == 0) {
		win.usings = j->usings;
		c = collector_new();
		if (c != NULL && pipeline_add(&pl, c) == 0 &&
		    psobj_value_copy(&item, &j->input) == 0 &&
		    scope_set(win.scope, "_", &item) == 0) {
			f = eval_block(&win, &sb->body, c);
			collector_take(c, &j->out, &j->nout);
		} else {
			f = eval_nomem(&win);
		}
		if (f == FLOW_THROW) {	/* this input's error, not the run's */
			host_err_text(&wrt->host, win.thrown.text);
			host_worst(&wrt->host, win.thrown.status);
		}
		win.usings = NULL;
		interp_free(&win);
	} else {
		host_note(&wrt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
	}
	pipeline_free(&pl);
	j->status = host_finish(&wrt->host);
	closed = fclose(out) == 0;
	if ((fclose(err) != 0 || !closed) && j->status < TNC_EXIT_SYSTEM)
		j->status = TNC_EXIT_SYSTEM;
}

static void *
worker(void *arg)
{
	struct parallel *pp = arg;
	struct runtime wrt;
	struct job *j;

	memset(&wrt, 0, sizeof(wrt));
	wrt.ecfg = pp->ecfg;
	/* the run's bounds, set before any worker started */
	wrt.max_steps = pp->rt->max_steps;
	wrt.max_sleep_ms = pp->rt->max_sleep_ms;
	wrt.files_here_only = pp->rt->files_here_only;
	pthread_mutex_lock(&pp->mu);
	for (;;) {
		while (pp->todo == NULL && !pp->quit)
			pthread_cond_wait(&pp->work, &pp->mu);
		if (pp->todo == NULL)
			break;
		j = pp->todo;
		if ((pp->todo = j->next) == NULL)
			pp->todo_tail = &pp->todo;
		j->next = NULL;
		pthread_mutex_unlock(&pp->mu);
		run_job(pp, &wrt, j);
		pthread_mutex_lock(&pp->mu);
		*pp->finished_tail = j;
		pp->finished_tail = &j->next;
		pp->running--;
		pthread_cond_signal(&pp->done);
	}
	pthread_mutex_unlock(&pp->mu);
	engine_free(wrt.engine);
	return NULL;
}

/* ---- in the main thread ----------------------------------------------- */

/* A finished job's text said, in its order, then its output passed on. */
static enum proc_rc
deliver(struct parallel *pp, struct job *j)
{
	struct host *h = &pp->rt->host;
	enum proc_rc rc = PROC_OK;
	size_t i;

	for (i = 0; i < j->nchunks; i++) {
		if (!j->chunks[i].err) {
			text_out_raw(&h->out, j->chunks[i].text,
			    j->chunks[i].len);
			continue;
		}
		text_out_raw(host_err(h), j->chunks[i].text, j->chunks[i].len);
		host_err_done(h);
	}
	host_worst(h, j->status);
	for (i = 0; i < j->nout; i++) {
		if (rc == PROC_OK && !pp->stopped)
			rc = proc_emit(&pp->base, &j->out[i]);
		else
			psobj_value_free(&j->out[i]);
	}
	j->nout = 0;
	job_free(j);
	if (rc == PROC_STOP)
		pp->stopped = true;
	return rc;
}

/* Waits until fewer than max jobs are out, delivering the finished. */
static enum proc_rc
drain(struct parallel *pp, size_t max)
{
	enum proc_rc rc = PROC_OK, r;
	struct job *j;

	pthread_mutex_lock(&pp->mu);
	for (;;) {
		while (pp->finished != NULL) {
			j = pp->finished;
			if ((pp->finished = j->next) == NULL)
				pp->finished_tail = &pp->finished;
			pthread_mutex_unlock(&pp->mu);
			r = deliver(pp, j);
			if (rc == PROC_OK)
				rc = r;
			pthread_mutex_lock(&pp->mu);
		}
		if (pp->running < max)
			break;
		pthread_cond_wait(&pp->done, &pp->mu);
	}
	pthread_mutex_unlock(&pp->mu);
	return rc;
}

/* The $using: variables of block b, from the caller's scope, copied. */
static int
copy_usings(struct interp *in, const struct ast *a, struct scope *to);

static int
copy_usings_list(struct interp *in, const struct ast_list *l, struct scope *to)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (copy_usings(in, l->v[i], to) != 0)
			return -1;
	return 0;
}

static int
copy_usings(struct interp *in, const struct ast *a, struct scope *to)
{
	const struct psobj_value *v;
	struct psobj_value c = psobj_null();
	size_t i;

	if (a == NULL)
		return 0;
	if (a->kind == AST_VARIABLE && a->scope != NULL &&
	    strcmp(a->scope, "using") == 0) {
		v = scope_get(in->scope, a->text);
		if ((v != NULL && psobj_value_copy(&c, v) != 0) ||
		    scope_set(to, a->text, &c) != 0)
			return -1;
		return 0;
	}
	for (i = 0; i < a->nclauses; i++)
		if (copy_usings(in, a->clauses[i].cond, to) != 0 ||
		    copy_usings_list(in, &a->clauses[i].body, to) != 0)
			return -1;
	for (i = 0; i < a->ncatches; i++)
		if (copy_usings_list(in, &a->catches[i].body, to) != 0)
			return -1;
	return copy_usings_list(in, &a->elems, to) != 0 ||
	    copy_usings_list(in, &a->else_body, to) != 0 ||
	    copy_usings_list(in, &a->body, to) != 0 ||
	    copy_usings_list(in, &a->finally_body, to) != 0 ||
	    copy_usings_list(in, &a->args, to) != 0 ||
	    copy_usings_list(in, &a->parts, to) != 0 ||
	    copy_usings_list(in, &a->items, to) != 0 ||
	    copy_usings_list(in, &a->keys, to) != 0 ||
	    copy_usings_list(in, &a->values, to) != 0 ||
	    copy_usings(in, a->cond, to) != 0 ||
	    copy_usings(in, a->init, to) != 0 ||
	    copy_usings(in, a->step, to) != 0 ||
	    copy_usings(in, a->operand, to) != 0 ||
	    copy_usings(in, a->value, to) != 0 ||
	    copy_usings(in, a->target, to) != 0 ||
	    copy_usings(in, a->member, to) != 0 ||
	    copy_usings(in, a->index, to) != 0 ||
	    copy_usings(in, a->left, to) != 0 ||
	    copy_usings(in, a->right, to) != 0 ||
	    copy_usings(in, a->assign_target, to) != 0 ? -1 : 0;
}

/* The workers, once: the run's engine first, its budget shared out. */
static int
start_workers(struct parallel *pp)
{
	struct engine *main_engine = runtime_engine(pp->rt, 0);
	unsigned budget, share;
	size_t i, n = pp->cfg->throttle < PARALLEL_MAX_WORKERS ?
	    pp->cfg->throttle : PARALLEL_MAX_WORKERS;
	pthread_attr_t attr;

	if (main_engine == NULL)
		return -1;		/* said */
	budget = engine_max_in_flight(main_engine);
	share = budget / (unsigned)(n + 1);
	pp->ecfg = pp->rt->ecfg;
	pp->ecfg.max_in_flight = share > 0 ? share : 1;
	pp->threads = calloc(n, sizeof(*pp->threads));
	if (pp->threads == NULL || pthread_attr_init(&attr) != 0)
		goto nomem;
	/* the evaluator recurses: a main thread's stack, not musl's 128 kB */
	pthread_attr_setstacksize(&attr, WORKER_STACK);
	for (i = 0; i < n; i++) {
		if (pthread_create(&pp->threads[i], &attr, worker, pp) != 0)
			break;
		pp->nthreads++;
	}
	pthread_attr_destroy(&attr);
	if (pp->nthreads > 0)
		return 0;
nomem:
	host_note(&pp->rt->host, TNC_EXIT_SYSTEM, "cannot start a thread "
	    "for ForEach-Object -Parallel: %s", strerror(errno));
	return -1;
}

static enum proc_rc
parallel_process(struct proc *p, struct psobj_value *v)
{
	struct parallel *pp = (struct parallel *)p;
	struct job *j;
	enum proc_rc rc;

	if (pp->threads == NULL && start_workers(pp) != 0) {
		if (v != NULL)
			psobj_value_free(v);
		pp->failed = true;
		return proc_fail(p, NULL);
	}
	rc = drain(pp, pp->nthreads);
	if (rc != PROC_OK || (j = calloc(1, sizeof(*j))) == NULL) {
		if (v != NULL)
			psobj_value_free(v);
		return rc != PROC_OK ? rc : cmd_nomem(p, pp->rt);
	}
	j->input = v != NULL ? *v : psobj_null();
	j->usings = scope_new(NULL);
	if (j->usings == NULL || copy_usings(pp->rt->interp,
	    pp->cfg->parallel->block, j->usings) != 0) {
		job_free(j);
		return cmd_nomem(p, pp->rt);
	}
	pthread_mutex_lock(&pp->mu);
	*pp->todo_tail = j;
	pp->todo_tail = &j->next;
	pp->running++;
	pthread_cond_signal(&pp->work);
	pthread_mutex_unlock(&pp->mu);
	return PROC_OK;
}

static void
stop_workers(struct parallel *pp)
{
	size_t i;

	pthread_mutex_lock(&pp->mu);
	pp->quit = true;
	pthread_cond_broadcast(&pp->work);
	pthread_mutex_unlock(&pp->mu);
	for (i = 0; i < pp->nthreads; i++)
		pthread_join(pp->threads[i], NULL);
	pp->nthreads = 0;
}

static enum proc_rc
parallel_end(struct proc *p)
{
	struct parallel *pp = (struct parallel *)p;
	enum proc_rc rc = PROC_OK;

	if (pp->threads != NULL)
		rc = drain(pp, 1);	/* every job out and delivered */
	stop_workers(pp);
	return rc == PROC_STOP ? PROC_OK : rc;
}

static void
parallel_free(struct proc *p)
{
	struct parallel *pp = (struct parallel *)p;
	struct job *j;

	if (pp->nthreads > 0) {		/* the pipeline ended early */
		pp->stopped = true;
		drain(pp, 1);
		stop_workers(pp);
	}
	while ((j = pp->todo) != NULL) {
		pp->todo = j->next;
		job_free(j);
	}
	while ((j = pp->finished) != NULL) {
		pp->finished = j->next;
		job_free(j);
	}
	free(pp->threads);
	pthread_mutex_destroy(&pp->mu);
	pthread_cond_destroy(&pp->work);
	pthread_cond_destroy(&pp->done);
	free(pp);
}

static const struct proc_ops parallel_ops = {
	.process = parallel_process,
	.end = parallel_end,
	.free = parallel_free,
};

struct proc *
foreach_parallel_new(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct parallel *pp = calloc(1, sizeof(*pp));

	(void)err;
	(void)errlen;
	if (pp == NULL)
		return NULL;
	pp->base.ops = &parallel_ops;
	pp->rt = rt;
	pp->cfg = st->cfg;
	pp->todo_tail = &pp->todo;
	pp->finished_tail = &pp->finished;
	pthread_mutex_init(&pp->mu, NULL);
	pthread_cond_init(&pp->work, NULL);
	pthread_cond_init(&pp->done, NULL);
	return &pp->base;
}
