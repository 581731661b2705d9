/** Input that passed the DTO's shape checks but not a rule needing stored state (e.g. a later dueAt). */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
