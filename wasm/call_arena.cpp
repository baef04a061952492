#include "call_arena.hpp"

#include <cstddef>
#include <cstdlib>
#include <new>

namespace {

// A fixed block, taken from malloc once: a call needing more (a hostile 64 KiB
// field rendered 13 times) takes the rest from malloc as before. Growing the
// block to fit such calls would move the heap top long after start-up.
constexpr std::size_t kBlockSize = 256 * 1024;
constexpr std::size_t kAlign = alignof(std::max_align_t);

char* block = nullptr;
std::size_t capacity = 0;
std::size_t used = 0;
bool open = false;
bool spilled = false;  // an allocation of the open scope went to malloc

bool in_block(const void* p) {
  const char* c = static_cast<const char*>(p);
  return block != nullptr && c >= block && c < block + capacity;
}

void* from_block(std::size_t size) {
  const std::size_t rounded = (size + kAlign - 1) & ~(kAlign - 1);
  if (capacity - used < rounded) return nullptr;
  void* p = block + used;
  used += rounded;
  return p;
}

}  // namespace

namespace crdb_connect::wasm {

CallArenaScope::CallArenaScope() {
  if (block == nullptr) {
    block = static_cast<char*>(std::malloc(kBlockSize));
    capacity = block != nullptr ? kBlockSize : 0;
  }
  used = 0;
  open = true;
  spilled = false;
}

CallArenaScope::~CallArenaScope() { open = false; }

bool CallArenaScope::all_in_block() const { return !spilled; }

}  // namespace crdb_connect::wasm

// The replaceable global allocation functions ([new.delete.single]). new[] and
// delete[] forward to these in libc++. Not inlined: LTO would otherwise copy
// them into every allocation site (+50 KB in the full module).
__attribute__((noinline)) void* operator new(std::size_t size) {
  if (open) {
    if (void* p = from_block(size)) return p;
    spilled = true;
  }
  void* p = std::malloc(size != 0 ? size : 1);
  if (p == nullptr) __builtin_trap();  // -fno-exceptions: no std::bad_alloc to throw
  return p;
}

__attribute__((noinline)) void operator delete(void* p) noexcept {
  if (!in_block(p)) std::free(p);
}

void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
