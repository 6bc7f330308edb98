import { Module } from '../nn/index.js';

/** A named container, for Hugging Face's nesting of parameter names (`attention.self.query`). */
export class Group extends Module {
  add<M extends Module>(name: string, m: M): M {
    return this.child(name, m);
  }
}
