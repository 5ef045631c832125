// SIGINT/SIGTERM handling for long commands: the signal only sets a flag that the work polls.
// Knows nothing of what is being interrupted.
#pragma once

namespace cmhsim::cli {

/// Installs handlers for SIGINT and SIGTERM that set the interrupted flag, restoring the
/// previous handlers when destroyed.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

/// Makes SIGINT, SIGTERM and SIGHUP remove pending temporary files, then end the process as the
/// signal would; an InterruptGuard replaces this while it lives.
void remove_temporaries_on_signal();

/// Returns true once SIGINT or SIGTERM has arrived under an InterruptGuard.
bool interrupted() noexcept;

}  // namespace cmhsim::cli
