"""Build the offline demo generator: a byte-level BPE tokenizer and a tiny GPT-2 trained on the
generated clinical-style corpus. Same recipe, same bytes: every seed is fixed and torch runs
deterministic kernels, so the sha256 of the weights identifies the recipe.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .corpus import build_corpus

log = logging.getLogger(__name__)

# Bump when anything below changes the produced weights.
RECIPE = "demo-gpt2-v1"
SPECIAL_TOKENS = ["<|endoftext|>", "<|pad|>", "<|system|>", "<|user|>", "<|assistant|>"]
CHAT_TEMPLATE = (
    "{% for message in messages %}<|{{ message['role'] }}|>\n{{ message['content'] }}\n"
    "{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)


def build_tokenizer(corpus: list[str], vocab_size: int = 1024):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(corpus, trainer=trainer)
    wrapped = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        pad_token="<|pad|>",
        additional_special_tokens=SPECIAL_TOKENS[2:],
        padding_side="left",  # decoder-only models are batched with left padding
        model_max_length=256,
        # GPT-2 would add token_type_ids as embeddings of token 0; it must never see them.
        model_input_names=["input_ids", "attention_mask"],
    )
    wrapped.chat_template = CHAT_TEMPLATE
    return wrapped


def train(
    out_dir: Path,
    *,
    steps: int = 400,
    samples: int = 6000,
    seed: int = 0,
    corpus: list[str] | None = None,
    layers: int = 3,
    width: int = 128,
) -> Path:
    """Train the demo model into out_dir (transformers layout) and return out_dir. A corpus of
    one's own makes another model of the same kind (the tests train one that always answers
    with PHI, to prove that model output is scanned)."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    corpus = corpus or build_corpus(samples, seed=seed)
    tokenizer = build_tokenizer(corpus)
    eos = tokenizer.eos_token_id
    stream: list[int] = []
    for text in corpus:
        stream.extend(tokenizer(text)["input_ids"])
        stream.append(eos)
    data = torch.tensor(stream, dtype=torch.long)

    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=256,
        n_embd=width,
        n_layer=layers,
        n_head=4,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=eos,
        pad_token_id=tokenizer.pad_token_id,
    )
    model = GPT2LMHeadModel(config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-3, total_steps=steps)
    generator = torch.Generator().manual_seed(seed)
    window, batch = 96, 32
    model.train()
    for step in range(steps):
        starts = torch.randint(0, len(data) - window - 1, (batch,), generator=generator)
        inputs = torch.stack([data[s : s + window] for s in starts])
        loss = model(input_ids=inputs, labels=inputs).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        if step % 100 == 0 or step == steps - 1:
            log.info("demo LM step %d/%d loss %.3f", step + 1, steps, loss.item())
    model.eval()
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.generation_config.eos_token_id = eos
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    return out_dir
