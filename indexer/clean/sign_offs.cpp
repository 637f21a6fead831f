#include "indexer/clean/sign_offs.hpp"

#include <algorithm>
#include <iterator>

#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

namespace {

// Longer lines are the story's.
constexpr std::size_t kMaxSignOffWords = 45;

// Credit lines open with one of these, in brackets or not.
constexpr std::string_view kCreditOpenings[] = {
    "reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by ",
    "reporting and writing by ", "research by ", "graphics by ",
};

// The news agencies whose initials close German and Austrian stories ("msa/dpa/Reuters",
// "hba/AFP").
constexpr std::string_view kAgencies[] = {"dpa", "afp", "ap", "reuters", "kna", "epd", "sid", "apa", "ansa", "efe", "ddp"};

// How a bio gives its author's address ("Reach her at jane.doe@vcstar.com"), before it.
constexpr std::string_view kReachPhrases[] = {"reach her at ", "reach him at ", "reach them at ", "contact her at ",
                                              "contact him at ", "contact them at ", "email her at ", "email him at ",
                                              "email them at "};
// An unbracketed credit line without an editor is this short ("Additional reporting by Chi
// Hui Lin"): "Reporting by the Wall Street Journal last year showed ..." is the story's.
constexpr std::size_t kMaxBareCreditWords = 12;

constexpr std::string_view kDonationPhrases[] = {
    "donate today", "donate now", "make a donation", "become a member today",
    // Appeals for journalism's support and membership, in English and the other languages of
    // saved sites (the Independent's "Support independent journalism", Vox's "Yes, I'll give
    // $5/month", Meduza's "Поддержите «Медузу»"), each opening a sentence.
    "support independent journalism", "support our journalism", "support quality journalism",
    "support local journalism", "support nonprofit journalism", "become a member", "yes, i'll give", "yes, i\xE2\x80\x99ll give",
    "we rely on readers like you", "поддержите", "Поддержите", "unterstützen sie", "soutenez", "apoya el periodismo",
    "sostieni", "dukung jurnalisme",
};
// Parts of an appeal wherever they stand in it ("Whether $5 or $50, every contribution counts.").
constexpr std::string_view kAppealFragments[] = {"every contribution counts", "every contribution, however big or small"};

// A metered paywall's counter over an appeal: Vox's "You've read 1 article in the last month".
bool is_reading_counter(std::string_view lower) {
  for (const std::string_view opening : {"you've read ", "you\xE2\x80\x99ve read ", "you have read "}) {
    if (!lower.starts_with(opening)) continue;
    std::string_view rest = lower.substr(opening.size());
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    return digits > 0 && rest.substr(digits).starts_with(" article");
  }
  return false;
}

bool holds(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// "Fox News' Maria Paronich contributed to this report.", "Nikkei staff writer Yuki Fukumoto
// contributed to this report.": a contributors' note, whoever wrote it.
constexpr std::string_view kContributedEndings[] = {"contributed to this report.", "contributed to this report",
                                                    "contributed to this story.", "contributed to this article.",
                                                    "contributed reporting."};
constexpr std::size_t kMaxContributorsWords = 25;

// A reporter's address alone under the story, as Korean and Japanese agencies sign
// (Yonhap's "kimsw@yna.co.kr"): one or more addresses and nothing else.
bool is_addresses_only(std::string_view lower) {
  return !lower.empty() && visit_words(lower, [](std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) word.remove_suffix(1);
    const std::size_t at = word.find('@');
    return at != 0 && at != std::string_view::npos && word.find('.', at) != std::string_view::npos;
  });
}

// Yonhap's sending time, "2024/04/11 06:12 송고" (송고: sent): digits and separators, then the word.
bool is_sending_time(std::string_view lower) {
  constexpr std::string_view kSent = "\xEC\x86\xA1\xEA\xB3\xA0";  // 송고
  if (!lower.ends_with(kSent) || lower.empty() || lower[0] < '0' || lower[0] > '9') return false;
  lower.remove_suffix(kSent.size());
  return lower.size() <= 20 && std::all_of(lower.begin(), lower.end(), [](char c) {
           return (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.' || c == ':' || c == ' ';
         });
}

// "msa/dpa/Reuters": one word of two to four parts, short letters each, one an agency's.
bool is_agency_initials(std::string_view lower) {
  if (lower.empty() || holds(lower, " ") || !holds(lower, "/")) return false;
  std::size_t parts = 0;
  bool agency = false;
  for (std::size_t begin = 0; begin <= lower.size();) {
    const std::size_t end = std::min(lower.find('/', begin), lower.size());
    const std::string_view part = lower.substr(begin, end - begin);
    if (part.empty() || part.size() > 7 ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return false;
    }
    agency = agency || std::find(std::begin(kAgencies), std::end(kAgencies), part) != std::end(kAgencies);
    ++parts;
    begin = end + 1;
  }
  return parts >= 2 && parts <= 4 && agency;
}

}  // namespace

bool is_sign_off(std::string_view lower) {
  if (count_words_up_to(lower, kMaxSignOffWords + 1) > kMaxSignOffWords) return false;
  std::string_view opening = lower;
  while (opening.starts_with('(') || opening.starts_with('[') || opening.starts_with(' ')) opening.remove_prefix(1);
  // Bracketed, naming an editor, listing credits, or a few words that are no sentence:
  // "Reporting by ProPublica showed that the fund had lapsed." is the story's.
  const bool credit_form = lower.starts_with('(') || lower.starts_with('[') || holds(lower, "editing by") ||
                           holds(lower, "; ") ||
                           (!ends_sentence(lower) && count_words_up_to(lower, kMaxBareCreditWords + 1) <= kMaxBareCreditWords);
  if (credit_form && std::any_of(std::begin(kCreditOpenings), std::end(kCreditOpenings),
                                 [opening](std::string_view credit) { return opening.starts_with(credit); })) {
    return true;
  }
  // "Associated Press writers Josh Boak and Fatima Hussein contributed to this report."
  if ((opening.starts_with("associated press ") || opening.starts_with("ap ")) && holds(opening, " contributed")) return true;
  // Xinhua's and Taiwan's CNA's end mark: "(By Teng Pei-ju and Sean Lin) Enditem/AW".
  if (holds(lower, "enditem")) return true;
  if (count_words_up_to(lower, kMaxContributorsWords + 1) <= kMaxContributorsWords &&
      std::any_of(std::begin(kContributedEndings), std::end(kContributedEndings),
                  [lower](std::string_view ending) { return lower.ends_with(ending); })) {
    return true;
  }
  if (is_addresses_only(lower) || is_sending_time(lower)) return true;
  if (is_agency_initials(lower)) return true;
  // A bio: "Cheri Carlson covers the environment ... Reach her at cheri.carlson@vcstar.com."
  // The address follows the phrase ("@elonmusk ... could not be reached at his office" is news).
  for (const std::string_view phrase : kReachPhrases) {
    const std::size_t at = lower.find(phrase);
    if (at != std::string_view::npos && lower.find('@', at) != std::string_view::npos) return true;
  }
  // An appeal asks: the phrase opens one of the line's sentences ("Support nonprofit
  // journalism. Donate today ..."), where a story reports it ("asked donors to make a
  // donation"), and quotes no one ("\"Donate now,\" the charity's chief said"). Guillemets
  // and German quotes quote when they open the line or follow a colon or a dash (French,
  // German, Russian stories: «Поддержите…», сказал он); elsewhere they name ("Поддержите
  // «Медузу»", Meduza's own appeal).
  if (holds(lower, "\"") || holds(lower, "\xE2\x80\x9C") || holds(lower, "\xE2\x80\x9D")) return false;
  for (const std::string_view quote : {std::string_view("\xC2\xAB"), std::string_view("\xE2\x80\x9E")}) {
    if (lower.starts_with(quote)) return false;
    for (const std::string_view before : {": ", "\xE2\x80\x94 ", "\xE2\x80\x93 "}) {
      if (holds(lower, std::string(before).append(quote))) return false;
    }
  }
  if (is_reading_counter(lower) ||
      std::any_of(std::begin(kAppealFragments), std::end(kAppealFragments), [lower](std::string_view part) { return holds(lower, part); })) {
    return true;
  }
  return std::any_of(std::begin(kDonationPhrases), std::end(kDonationPhrases), [lower](std::string_view phrase) {
    for (std::size_t at = lower.find(phrase); at != std::string_view::npos; at = lower.find(phrase, at + 1)) {
      if (at == 0 || (at >= 2 && lower[at - 1] == ' ' && (lower[at - 2] == '.' || lower[at - 2] == '!'))) return true;
    }
    return false;
  });
}

}  // namespace cs::indexer
