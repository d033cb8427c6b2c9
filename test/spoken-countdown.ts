/** The last five seconds of a hold or a rest, as the voice counts them down. */
export const FIVE_TO_ONE: readonly string[] = ['five', 'four', 'three', 'two', 'one'];
