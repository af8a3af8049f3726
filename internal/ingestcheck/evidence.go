package main

import "github.com/kabar-bot/kabar/retrieval"

func isNotEvidence(c retrieval.Chunk) bool { return c.NotEvidence }
