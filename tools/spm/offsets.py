#!/usr/bin/python3
"""Prints, per input line, `begin:end` byte offsets of each piece from EncodeAsImmutableProto, space-separated.
Lines that are not valid UTF-8 print `-` (the Python binding takes str)."""
import sys
import sentencepiece as spm

sp = spm.SentencePieceProcessor(model_file=sys.argv[1])
with open(sys.argv[2], 'rb') as f:
    for raw in f.read().split(b'\n')[:-1]:
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            print('-')
            continue
        proto = sp.encode_as_immutable_proto(text)
        print(' '.join(f'{p.begin}:{p.end}' for p in proto.pieces))
