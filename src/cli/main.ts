console.log('career-lattice: CLI under construction');
