// One generate() call's allocations, served from a reusable block.
//
// A call builds ~220 short-lived strings and vectors (wasm32's std::string
// holds only 10 bytes inline, so nearly every field allocates), and they all
// die together once the result is on the tape. Bumping a pointer through one
// block and dropping the lot at the next call costs far less than emmalloc's
// malloc and free for each: generate() runs ~8% faster. The golden cases use
// 45 KB of the block's 256 KiB.
//
// Only the wasm modules use it: they are single-threaded, and only
// generate_tape opens a scope. The core itself knows nothing of it.
#pragma once

namespace crdb_connect::wasm {

// While a scope is open, operator new takes memory from the arena (falling
// back to malloc when the block is full) and operator delete ignores arena
// memory. Everything allocated inside must be destroyed before the next scope
// opens, and nothing allocated inside may be kept beyond the call: the block
// is reused. Allocations after the scope closes go to malloc again.
class CallArenaScope {
 public:
  CallArenaScope();
  ~CallArenaScope();

  // Whether every allocation since this scope opened came from the block. An
  // object built inside may then be abandoned instead of destroyed: the next
  // scope reuses its memory, and nothing else would be freed.
  bool all_in_block() const;

  CallArenaScope(const CallArenaScope&) = delete;
  CallArenaScope& operator=(const CallArenaScope&) = delete;
};

}  // namespace crdb_connect::wasm
