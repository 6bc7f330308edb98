/**
 * Builds a text piece by piece while recording where the planted spans land, so gold offsets are exact by
 * construction (never found again by searching the finished text).
 */
export class TextBuilder<Span> {
  private readonly parts: string[] = [];
  private length = 0;
  private last = '';
  readonly spans: Span[] = [];

  get offset(): number {
    return this.length;
  }

  add(text: string): this {
    this.parts.push(text);
    this.length += text.length;
    this.last = (this.last + text).slice(-8);
    return this;
  }

  /** The last few characters written (up to 8): enough to tell a sentence start. */
  get tail(): string {
    return this.last;
  }

  /** Appends `text` and records a span over it, made by `make(start, end)`. */
  span(text: string, make: (start: number, end: number) => Span): this {
    const start = this.length;
    this.add(text);
    this.spans.push(make(start, this.length));
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}
