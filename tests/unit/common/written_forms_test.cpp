#include "common/written_forms.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cs::written_forms {
namespace {

TEST(WrittenForms, ElisionsAreCutWithEveryApostrophe) {
  EXPECT_EQ(elision_length("l'Assemblée"), 2u);
  EXPECT_EQ(elision_length("qu\xE2\x80\x99il"), 5u) << "U+2019 after two letters";
  EXPECT_EQ(elision_length("lorsqu\xE2\x80\x99il"), 9u) << "U+2019 after six letters, the longest elision";
  EXPECT_EQ(elision_length("quoiqu\xCA\xBC" "elle"), 8u) << "U+02BC";
  EXPECT_EQ(elision_length("dell'Unione"), 5u);
  EXPECT_EQ(elision_length("quelqu'un"), 0u) << "a word of its own";
  EXPECT_EQ(elision_length("O'Brien"), 0u);
  EXPECT_EQ(elision_length("n'"), 0u) << "nothing after the apostrophe";
  EXPECT_EQ(elision_length("'tis"), 0u);
}

// may_be_elided is elision_length's cheap first test: it may say yes to a word with no
// elision, never no to a word with one.
TEST(WrittenForms, WhatMayBeElidedIncludesEveryElision) {
  for (const std::string word :
       {"l'Assemblée", "d\xE2\x80\x99\xC3\x89lisabeth", "qu\xE2\x80\x99il", "jusqu\xE2\x80\x99\xC3\xA0", "lorsqu'il",
        "puisqu\xE2\x80\x99on", "quoiqu\xCA\xBC" "elle", "dell'Unione", "gl'Italiani", "nessun'altra", "tutt'altro",
        "c'mon", "D'Souza"}) {
    EXPECT_GT(elision_length(word), 0u) << word;
    EXPECT_TRUE(may_be_elided(word)) << word;
  }
  for (const std::string word : {"Assemblée", "Taiwan", "a", "", "'tis", "sovereignty", "quelqu"}) {
    EXPECT_FALSE(may_be_elided(word)) << word;
    EXPECT_EQ(elision_length(word), 0u) << word;
  }
}

TEST(WrittenForms, PossessivesAndApostrophes) {
  EXPECT_EQ(without_possessive("Jinping's"), "Jinping");
  EXPECT_EQ(without_possessive("Biden\xE2\x80\x99s"), "Biden");
  EXPECT_EQ(without_possessive("it's"), "it");
  EXPECT_EQ(without_possessive("'s"), "'s");
  EXPECT_EQ(without_possessive("bus"), "bus");
  std::string word = "don\xE2\x80\x99t";
  straighten_apostrophes(word);
  EXPECT_EQ(word, "don't");
  EXPECT_TRUE(is_apostrophe("\xCA\xBC"));
  EXPECT_FALSE(is_apostrophe("`"));
  EXPECT_TRUE(is_hyphen("-"));
  EXPECT_FALSE(is_hyphen("\xE2\x80\x94")) << "an em dash parts clauses";
}

// Turkish's suffix after a name's apostrophe: the name is the part before it.
TEST(WrittenForms, ANamesTurkishSuffixFollowsItsApostrophe) {
  EXPECT_EQ(before_suffix("İzmir'de"), "İzmir");
  EXPECT_EQ(before_suffix("Erdoğan\xE2\x80\x99\xC4\xB1n"), "Erdoğan") << "U+2019";
  EXPECT_EQ(before_suffix("AB\xCA\xBCye"), "AB") << "U+02BC";
  EXPECT_EQ(before_suffix("Ankara"), "Ankara");
  EXPECT_EQ(before_suffix("'de"), "'de") << "no name before it";
  EXPECT_EQ(before_suffix("İzmir'"), "İzmir'") << "no suffix after it";
  EXPECT_EQ(before_suffix("İstanbul'daki"), "İstanbul");
  // Words of other languages keep their apostrophes: a query is cut in Turkish too, and
  // "O'Brien" had been Turkish "o" (he, she, it).
  EXPECT_EQ(before_suffix("O'Brien"), "O'Brien") << "one letter before it, and no suffix after";
  EXPECT_EQ(before_suffix("D'Angelo"), "D'Angelo");
  EXPECT_EQ(before_suffix("don't"), "don't") << "no vowel after it";
  EXPECT_EQ(before_suffix("rock'n'roll"), "rock'n'roll");
  EXPECT_EQ(before_suffix("Côte-d'Ivoire"), "Côte-d'Ivoire") << "a capital after it";
}

}  // namespace
}  // namespace cs::written_forms
