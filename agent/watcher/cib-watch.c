/*
 * cib-watch: prints one line per CIB change, from Pacemaker's own diff notifications.
 * Spawned by agent/watcher/live-watch.ts. Protocol on stdout (one line each, flushed):
 *   ready <admin_epoch> <epoch> <num_updates>   once signed on
 *   change <admin_epoch> <epoch> <num_updates>  per applied diff
 * Exits 2 when the CIB connection is lost (Pacemaker stopped): the parent restarts us with backoff.
 * Exits 1 when it cannot sign on at all.
 * Why C: notifications cost 0 CPU while idle and arrive in ~20 ms; polling costs a process per poll.
 */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <glib.h>
#include <crm/crm.h>
#include <crm/common/xml.h>
#include <crm/cib.h>

static cib_t *cib;
static GMainLoop *loop;

/* Prints the version from a fresh query; used when the notification carries no readable patch. */
static void print_queried(const char *what)
{
    xmlNode *out = NULL;
    int rc = cib->cmds->query(cib, "/cib", &out,
                              cib_xpath | cib_no_children | cib_sync_call | cib_scope_local);
    if (rc == pcmk_ok && out != NULL) {
        const char *a = crm_element_value(out, "admin_epoch");
        const char *e = crm_element_value(out, "epoch");
        const char *u = crm_element_value(out, "num_updates");
        printf("%s %s %s %s\n", what, a ? a : "?", e ? e : "?", u ? u : "?");
    } else {
        printf("%s ? ? ?\n", what);
    }
    free_xml(out);
    fflush(stdout);
}

static void on_diff(const char *event, xmlNode *msg)
{
    (void) event;
    /* The patch's target version is the CIB's new version: no extra round trip to the CIB manager. */
    xmlNode *diff = get_message_xml(msg, "cib_update_result");
    int add[3] = {0, 0, 0};
    int del[3] = {0, 0, 0};
    if (diff != NULL && xml_patch_versions(diff, add, del)) {
        printf("change %d %d %d\n", add[0], add[1], add[2]);
        fflush(stdout);
    } else {
        print_queried("change");
    }
}

static void on_lost(gpointer user_data)
{
    (void) user_data;
    fprintf(stderr, "cib-watch: connection to the CIB manager lost\n");
    exit(2);
}

static void on_term(int sig)
{
    (void) sig;
    /* Signing off from a signal handler is unsafe; the CIB manager drops our client when the socket closes. */
    _exit(0);
}

int main(int argc, char **argv)
{
    (void) argc;
    (void) argv;
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    /* An idle orphan would hold a CIB client slot forever: die with the agent that spawned us. */
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() == 1) {
        return 0;
    }
    signal(SIGPIPE, SIG_DFL);

    cib = cib_new();
    if (cib == NULL) {
        fprintf(stderr, "cib-watch: cib_new failed\n");
        return 1;
    }
    int rc = cib->cmds->signon(cib, "vigil-cib-watch", cib_query);
    if (rc != pcmk_ok) {
        fprintf(stderr, "cib-watch: signon failed: %s\n", pcmk_strerror(rc));
        return 1;
    }
    cib->cmds->set_connection_dnotify(cib, on_lost);
    rc = cib->cmds->add_notify_callback(cib, T_CIB_DIFF_NOTIFY, on_diff);
    if (rc != pcmk_ok) {
        fprintf(stderr, "cib-watch: add_notify_callback failed: %s\n", pcmk_strerror(rc));
        return 1;
    }
    print_queried("ready");

    loop = g_main_loop_new(NULL, FALSE);
    g_main_loop_run(loop);
    return 0;
}
