// Emscripten JS library for the generate module only (see wasm/build.sh).
//
// Embind registers every built-in type at start-up, so its glue carries the
// JS for std::wstring (UTF-16 and UTF-32 codecs), emscripten::val (the handle
// table) and typed-array memory views even when no binding uses them. The
// generate module's bindings take and return only integers, bool, double and
// std::string, so these three registrations are replaced by one that names the
// type and refuses to convert it: -1 KB of the glue that every page loads.
// A binding that used one of them would fail its first call with this
// message (the JS tests call every binding), never convert a value wrongly.
mergeInto(LibraryManager.library, {
  $registerUnusedType__deps: ['$readLatin1String', '$registerType', '$throwBindingError'],
  $registerUnusedType: function(rawType, name) {
    name = readLatin1String(name);
    function refuse() {
      throwBindingError('crdb-connect: the generate module does not convert ' + name + '; use the full module');
    }
    registerType(rawType, {
      name: name,
      'fromWireType': refuse,
      'toWireType': refuse,
      'argPackAdvance': 8,
      'readValueFromPointer': refuse,
      destructorFunction: null,
    }, {
      // Embind registers some memory views twice (char and int8_t views share an id).
      ignoreDuplicateRegistrations: true,
    });
  },
  _embind_register_std_wstring__deps: ['$registerUnusedType'],
  _embind_register_std_wstring: function(rawType, charSize, name) {
    registerUnusedType(rawType, name);
  },
  _embind_register_emval__deps: ['$registerUnusedType'],
  _embind_register_emval: function(rawType, name) {
    registerUnusedType(rawType, name);
  },
  _embind_register_memory_view__deps: ['$registerUnusedType'],
  _embind_register_memory_view: function(rawType, dataTypeIndex, name) {
    registerUnusedType(rawType, name);
  },
});
