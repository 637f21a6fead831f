#include "common/simplified_chinese.hpp"

#include <dlfcn.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#include <stdexcept>
#include <string>

namespace cs {

namespace {

// ICU's C functions carry its version in their names (utrans_openU_72): the names the
// headers rename them to, as text for dlsym.
#define CS_ICU_NAME_TEXT(name) #name
#define CS_ICU_NAME(name) CS_ICU_NAME_TEXT(name)

template <typename Function>
Function* symbol(void* library, const char* name) {
  void* found = dlsym(library, name);
  if (found == nullptr) throw std::runtime_error(std::string("ICU's ") + name + " is missing from libicui18n");
  return reinterpret_cast<Function*>(found);
}

}  // namespace

struct TraditionalToSimplified::Icu {
  decltype(utrans_transUChars)* transform = nullptr;
  decltype(utrans_close)* close = nullptr;
  UTransliterator* transliterator = nullptr;

  Icu() {
    // The library stays loaded: ICU's caches may point into it until the process ends.
    const std::string name = "libicui18n.so." + std::to_string(U_ICU_VERSION_MAJOR_NUM);
    void* library = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (library == nullptr) {
      throw std::runtime_error("ICU's transliterators, needed for Chinese text, cannot be loaded (" +
                               std::string(dlerror()) + "); install libicu" + std::to_string(U_ICU_VERSION_MAJOR_NUM));
    }
    const auto open = symbol<decltype(utrans_openU)>(library, CS_ICU_NAME(utrans_openU));
    transform = symbol<decltype(utrans_transUChars)>(library, CS_ICU_NAME(utrans_transUChars));
    close = symbol<decltype(utrans_close)>(library, CS_ICU_NAME(utrans_close));
    static constexpr char16_t kId[] = u"Traditional-Simplified";
    UErrorCode status = U_ZERO_ERROR;
    transliterator = open(kId, -1, UTRANS_FORWARD, nullptr, 0, nullptr, &status);
    if (U_FAILURE(status) || transliterator == nullptr) {
      throw std::runtime_error(std::string("ICU Traditional-Simplified transliterator unavailable: ") +
                               u_errorName(status));
    }
  }
  ~Icu() { close(transliterator); }
};

TraditionalToSimplified::TraditionalToSimplified() = default;
TraditionalToSimplified::~TraditionalToSimplified() = default;

char32_t TraditionalToSimplified::operator()(char32_t c) {
  // Chinese characters of the Basic Multilingual Plane (one UTF-16 unit) are all it swaps.
  if (c > 0xFFFF || U16_IS_SURROGATE(c)) return c;
  if (!icu_) icu_ = std::make_unique<Icu>();
  UChar text[8] = {static_cast<UChar>(c)};
  int32_t length = 1;
  int32_t limit = 1;
  UErrorCode status = U_ZERO_ERROR;
  icu_->transform(icu_->transliterator, text, &length, static_cast<int32_t>(std::size(text)), 0, &limit, &status);
  if (U_FAILURE(status) || length != 1 || U16_IS_SURROGATE(text[0])) return c;  // one character for one
  return static_cast<char32_t>(text[0]);
}

}  // namespace cs
