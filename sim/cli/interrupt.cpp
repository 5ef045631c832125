// Signal handling: a lock-free flag that long commands poll, and removal of unfinished outputs.
// Knows nothing of what is being interrupted, only that unfinished output files are removed.
#include "cli/interrupt.hpp"

#include <atomic>
#include <csignal>

#include "io/atomic_file.hpp"

namespace cmhsim::cli {
namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag must be safe in a signal handler");

struct sigaction g_old_int {};
struct sigaction g_old_term {};

extern "C" void on_signal(int) { g_interrupted.store(true, std::memory_order_relaxed); }

extern "C" void on_fatal_signal(int signal_number) {
  io::remove_pending_temporaries();
  // Ending with the signal itself keeps the exit status a shell expects.
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &g_old_int);
  sigaction(SIGTERM, &action, &g_old_term);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
}

void remove_temporaries_on_signal() {
  struct sigaction action {};
  action.sa_handler = on_fatal_signal;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP})
    sigaddset(&action.sa_mask, signal_number);
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP})
    sigaction(signal_number, &action, nullptr);
}

bool interrupted() noexcept { return g_interrupted.load(std::memory_order_relaxed); }

}  // namespace cmhsim::cli
